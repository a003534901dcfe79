import { progressBar } from '../../src/cli/progress.js';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream };
}

describe('progress bar', () => {
  test('drawn on a terminal for more than 50 files, and cleared at the end', () => {
    const { written, stream } = fakeStream(true);
    const bar = progressBar(200, stream);
    for (let i = 0; i < 200; i++) bar.tick();
    bar.done();
    expect(written).toHaveLength(102); // once per whole percent (0 to 100), then the clear
    expect(written[100]).toBe(`\r[${'#'.repeat(30)}] 200/200 files`);
    expect(written.at(-1)).toBe('\r\u001b[2K');
  });
  test('nothing when stderr is not a terminal, or for 50 files or fewer', () => {
    for (const [tty, n] of [[false, 500], [true, 50]] as const) {
      const { written, stream } = fakeStream(tty);
      const bar = progressBar(n, stream);
      for (let i = 0; i < n; i++) bar.tick();
      bar.done();
      expect(written).toEqual([]);
    }
  });
});
