// examples/reports/ is what a consultant sees first; it must match what the tool produces today.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, tempDir } from '../helpers.js';

describe('examples/reports', () => {
  test('are up to date (run "npm run examples" after changing a renderer or an example)', () => {
    const fresh = tempDir();
    execFileSync(process.execPath, [join(root, 'scripts', 'examples.mjs'), fresh], { cwd: root });
    const committed = join(root, 'examples', 'reports');
    const names = readdirSync(fresh).sort();
    expect(readdirSync(committed).sort()).toEqual(names);
    expect(names.filter((n) => n.endsWith('.html'))).toHaveLength(8);
    for (const name of names) {
      expect({ name, content: readFileSync(join(committed, name), 'utf8') }).toEqual({ name, content: readFileSync(join(fresh, name), 'utf8') });
    }
  });
});
