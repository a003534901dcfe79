// examples/reports/ is what a consultant sees first; it must match what the tool produces today.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, root, tempDir } from '../helpers.js';

describe('examples/reports', () => {
  test('are up to date (run "npm run examples" after changing a renderer or an example)', () => {
    const fresh = tempDir();
    const team = tempDir();
    execFileSync(process.execPath, [join(root, 'scripts', 'examples.mjs'), fresh, team], { cwd: root });
    expect(readFileSync(join(root, 'examples', 'team', 'combined.answers.yaml'), 'utf8')).toBe(readFileSync(join(team, 'combined.answers.yaml'), 'utf8'));
    const committed = join(root, 'examples', 'reports');
    const names = readdirSync(fresh).sort();
    expect(readdirSync(committed).sort()).toEqual(names);
    expect(names.filter((n) => n.endsWith('.html'))).toHaveLength(12);
    expect(names.filter((n) => n.endsWith('.xlsx'))).toEqual(['brackenford-unitary.xlsx']);
    // Word: every example, the comparison, the plan's progress, the report with its plan, the team's two.
    expect(names.filter((n) => n.endsWith('.docx'))).toHaveLength(13);
    for (const name of names) {
      // Binary files (the workbook, the Word files) compared byte for byte.
      const encoding = /\.(xlsx|docx|png)$/.test(name) ? 'base64' : 'utf8';
      expect({ name, content: readFileSync(join(committed, name), encoding) }).toEqual({ name, content: readFileSync(join(fresh, name), encoding) });
    }
  });

  test("the team example's moderated file is the combined file with the workshop's settlements: combining onto it again keeps all three", () => {
    const dir = tempDir();
    const copy = join(dir, 'moderated.answers.yaml');
    copyFileSync(join(root, 'examples', 'team', 'moderated.answers.yaml'), copy);
    const officers = ['communities', 'hr', 'finance'].map((n) => `examples/team/${n}.answers.yaml`);
    const r = cli(['combine', ...officers, '--output', copy]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/moderating again|left out/);
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(join(root, 'examples', 'team', 'moderated.answers.yaml'), 'utf8'));
    const report = JSON.parse(cli(['assess', copy, '--format', 'json']).stdout);
    expect(report.agreement).toEqual({
      assessors: ['Head of Communities', 'Head of HR and Organisational Development', 'Head of Finance and Commissioning'],
      withViews: 30,
      disputed: 3,
      settled: 3,
    });
  });
});
