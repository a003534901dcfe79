// How `moderate` saves: a key inside an answer edited where it stands (io/yaml-edit), nothing written
// when nothing changed, and another writer's save, a deleted file or a broken one on the way.
import { existsSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runModerate } from '../../src/cli/actions/moderate.js';
import { editYaml } from '../../src/io/yaml-edit.js';
import { loadAnswers } from '../../src/io/load.js';
import { wrap } from '../../src/render/wrap.js';
import { fixtures, tempDir } from '../helpers.js';
import type { Step } from '../interview/scripted-prompter.js';
import { captureStderr, hooked } from '../interview/scripted-prompter.js';

const weighted = join(fixtures, 'rubrics', 'weighted.yaml');
function copy(change: (text: string) => string = (t) => t): string {
  const path = join(tempDir(), 'combined.answers.yaml');
  writeFileSync(path, change(readFileSync(join(fixtures, 'team', 'moderate', 'combined.answers.yaml'), 'utf8').replace('../../rubrics/weighted.yaml', weighted)));
  return path;
}
const run = (path: string, script: Step[], all = false) => {
  const s = hooked(script);
  return { ...s, code: runModerate(path, { all }, s.prompter) };
};

const stderr = captureStderr();

describe('editYaml, a key inside an answer', () => {
  const block = 'answers:\n  a.b:\n    score: 1 # combined\n    views:\n      - { assessor: A, score: 1 }\n      - { assessor: B, score: 3 }\n  c.d: 2\n';

  test('in a block mapping: a new key on its own line after the one ordered before it, a value replaced where it stands', () => {
    const order = (p: readonly string[]) => ['score', 'evidence', 'agreed', 'views'].indexOf(p[2]!);
    expect(
      editYaml(
        block,
        [
          { path: ['answers', 'a.b', 'score'], text: '2' },
          { path: ['answers', 'a.b', 'agreed'], text: '"We agreed"' },
          { path: ['answers', 'a.b', 'evidence'], text: '"Plan"' },
        ],
        order,
      ),
    ).toBe('answers:\n  a.b:\n    score: 2 # combined\n    evidence: "Plan"\n    agreed: "We agreed"\n    views:\n      - { assessor: A, score: 1 }\n      - { assessor: B, score: 3 }\n  c.d: 2\n');
  });

  test('a key removed from a block mapping takes its line with it', () => {
    const text = block.replace('    score: 1 # combined\n', '    score: 1 # combined\n    evidence: "old"\n');
    expect(editYaml(text, [{ path: ['answers', 'a.b', 'evidence'], text: undefined }])).toBe(block);
  });

  test('in a flow mapping: added after the last item, the rest of the line as it was', () => {
    const flow = 'answers:\n  a.b: { score: 1, views: [{ assessor: A, score: 1 }, { assessor: B, score: 3 }] } # two views\n';
    expect(editYaml(flow, [{ path: ['answers', 'a.b', 'agreed'], text: '"ok"' }])).toBe(
      'answers:\n  a.b: { score: 1, views: [{ assessor: A, score: 1 }, { assessor: B, score: 3 }], agreed: "ok" } # two views\n',
    );
  });

  test('a path through something that is not a mapping cannot be edited', () => {
    expect(editYaml('answers:\n  a.b: 2\n', [{ path: ['answers', 'a.b', 'agreed'], text: '"x"' }])).toBeUndefined();
  });
});

describe('moderate saves', () => {
  test('nothing is written when a settled indicator is kept as it was', async () => {
    const path = copy((t) => t.replace('    score: 1\n', '    score: 1\n    agreed: "Kept"\n'));
    const old = new Date('2020-01-01T00:00:00Z');
    utimesSync(path, old, old);
    const before = readFileSync(path, 'utf8');
    const r = run(path, ['1 Some', '', ''], true);
    expect(await r.code).toBe(130);
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(statSync(path).mtime).toEqual(old);
  });

  test('evidence cleared is removed from the answer', async () => {
    const path = copy((t) => t.replace('    score: 1\n', '    score: 1\n    evidence: "Old note"\n'));
    const r = run(path, ['1 Some', 'Agreed', ' ']);
    expect(await r.code).toBe(130);
    const answer = (await loadAnswers(path)).answers.answers['alpha.a1'];
    expect(answer).toMatchObject({ score: 1, agreed: 'Agreed' });
    expect(answer).not.toHaveProperty('evidence');
    expect(readFileSync(path, 'utf8')).not.toContain('Old note');
  });

  test("someone else's save meanwhile is kept, and the next indicator shows what they wrote", async () => {
    const path = copy();
    const r = run(path, [
      '2 Most',
      'Agreed',
      () => {
        // Another officer fixes a view of alpha.a3 and adds a note while the room is typing evidence.
        const text = readFileSync(path, 'utf8');
        writeFileSync(path, text.replace('{ assessor: C, score: 3, evidence: "Minutes, 3 March" }', '{ assessor: C, score: 2, evidence: "Minutes, 3 March" }').replace('answers:\n', '# checked by the lead officer\nanswers:\n'));
      },
      '',
      '1 Some',
      'Between the two',
      '',
    ]);
    expect(await r.code).toBe(130);
    expect(r.said).toContain(wrap(`Someone else saved ${path} while you were moderating; what they changed is kept.`, 78).join('\n'));
    expect(r.said).toContain('  C: 2\u00a0Most');
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('# checked by the lead officer\nanswers:\n');
    const answers = (await loadAnswers(path)).answers.answers;
    expect(answers['alpha.a1']).toMatchObject({ score: 2, agreed: 'Agreed' });
    expect(answers['alpha.a3']).toEqual({ score: 1, agreed: 'Between the two', views: [{ assessor: 'A', score: 0 }, { assessor: 'C', score: 2, evidence: 'Minutes, 3 March' }] });
  });

  test('a file deleted meanwhile is saved again, with every level agreed so far', async () => {
    const path = copy();
    const r = run(path, ['2 Most', 'Agreed', '', () => rmSync(path), '3 All', 'All of it', '']);
    expect(await r.code).toBe(130);
    expect(r.said).toContain(wrap(`${path} was deleted while you were moderating; it is saved again, with the levels agreed so far.`, 78).join('\n'));
    const answers = (await loadAnswers(path)).answers.answers;
    expect(answers['alpha.a1']).toMatchObject({ score: 2, agreed: 'Agreed' });
    expect(answers['alpha.a3']).toMatchObject({ score: 3, agreed: 'All of it' });
  });

  test('a file someone else broke meanwhile is left as it is; the levels agreed go to a copy beside it (exit 2)', async () => {
    const path = copy();
    const copyPath = path.replace(/\.yaml$/, '.copy.yaml');
    const r = run(path, ['2 Most', 'Agreed', '', () => writeFileSync(path, 'schemaVersion: 1\nkind: answers\n'), '3 All', 'All of it', '']);
    expect(await r.code).toBe(2);
    expect(readFileSync(path, 'utf8')).toBe('schemaVersion: 1\nkind: answers\n');
    expect(existsSync(copyPath)).toBe(true);
    const answers = (await loadAnswers(copyPath)).answers.answers;
    expect(answers['alpha.a1']).toMatchObject({ score: 2, agreed: 'Agreed' });
    expect(answers['alpha.a3']).toMatchObject({ score: 3, agreed: 'All of it' });
    expect(stderr.text()).toContain(
      `error: ${path} was changed by someone else while you were moderating and is no longer a valid answers file, so it was left as it is. ` +
        `The levels agreed so far are saved in ${copyPath}; to carry on with them: council-resilience moderate ${copyPath}\n`,
    );
    expect(stderr.text()).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:1:1: .*rubric`, 'm'));
  });
});
