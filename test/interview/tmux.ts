// A tmux server of a test file's own, and waiting on what a real terminal shows.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

export function tmuxServer(socket: string) {
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  const screen = (session: string) => tmux('capture-pane', '-p', '-t', session);
  /** Polls the screen until `pattern` shows, or fails after 15 s printing what the screen shows. */
  const waitFor = async (session: string, pattern: RegExp, what: string): Promise<void> => {
    const deadline = Date.now() + 15000;
    while (Date.now() < deadline) {
      if (pattern.test(screen(session))) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${what}; the screen shows:\n${screen(session)}`);
  };
  /** A file a shell writes in one line (a pid, an exit code), once it is complete. */
  const waitForFile = async (path: string): Promise<string> => {
    const deadline = Date.now() + 15000;
    while (Date.now() < deadline) {
      if (existsSync(path) && readFileSync(path, 'utf8').endsWith('\n')) return readFileSync(path, 'utf8').trim();
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${path}`);
  };
  const kill = () => spawnSync('tmux', ['-L', socket, 'kill-server']);
  return { tmux, screen, waitFor, waitForFile, kill };
}
