// Issue 12: compare across two versions of a rubric says which questions one version asks and the
// other does not, instead of failing or passing over them in silence.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, fixtures, tempDir } from '../helpers.js';

/** weighted.yaml 0.1.0 and a 0.2.0 that drops delta.d2 and adds beta.b3. */
function twoVersions(): string {
  const dir = tempDir();
  const v1 = readFileSync(join(fixtures, 'rubrics', 'weighted.yaml'), 'utf8');
  const v2 = v1
    .replace('version: 0.1.0', 'version: 0.2.0')
    .replace(/^ {6}- \{ id: d2, .*\n/m, '')
    .replace(/^( {6}- \{ id: b2, .*\n)/m, '$1      - { id: b3, statement: B three, question: B three?, nextSteps: { 0: b3 step 0, 1: b3 step 1, 2: b3 step 2 } }\n');
  writeFileSync(join(dir, 'v1.yaml'), v1);
  writeFileSync(join(dir, 'v2.yaml'), v2);
  const answers = (rubric: string, body: string) =>
    `schemaVersion: 1\nkind: answers\nrubric: ./${rubric}\ncouncil: { name: Testshire County Council, type: county }\nanswers:\n${body}`;
  writeFileSync(join(dir, 'last.yaml'), answers('v1.yaml', '  alpha.a1: 1\n  delta.d2: 2\n'));
  writeFileSync(join(dir, 'this.yaml'), answers('v2.yaml', '  alpha.a1: 2\n  beta.b3: 1\n'));
  return dir;
}

describe('compare across two versions of a rubric', () => {
  test('JSON lists the questions added and removed', () => {
    const r = cli(['compare', 'last.yaml', 'this.yaml', '--format', 'json'], { cwd: twoVersions() });
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.rubric).toEqual({ id: 'weighted', before: '0.1.0', after: '0.2.0' });
    expect(c.questions).toEqual({ added: ['beta.b3'], removed: ['delta.d2'] });
    expect(c.improved.map((i: { key: string }) => i.key)).toEqual(['alpha.a1']);
  });

  test('text and markdown name them under their own headings', () => {
    const dir = twoVersions();
    const text = cli(['compare', 'last.yaml', 'this.yaml'], { cwd: dir });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Questions new in version 0.2.0, not in 0.1.0 (1):\n  beta.b3\n');
    expect(text.stdout).toContain('Questions in version 0.1.0 that version 0.2.0 no longer asks (1):\n  delta.d2\n');
    const md = cli(['compare', 'last.yaml', 'this.yaml', '--format', 'markdown'], { cwd: dir });
    expect(md.stdout).toContain('## Questions new in version 0.2.0, not in 0.1.0 (1)\n\n- beta.b3\n');
    expect(md.stdout).toContain('## Questions in version 0.1.0 that version 0.2.0 no longer asks (1)\n\n- delta.d2');
  });

  test('one version: no such sections, and the JSON lists are empty', () => {
    const dir = twoVersions();
    const r = cli(['compare', 'last.yaml', 'last.yaml', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout).questions).toEqual({ added: [], removed: [] });
    expect(cli(['compare', 'last.yaml', 'last.yaml'], { cwd: dir }).stdout).not.toContain('Questions ');
  });
});
