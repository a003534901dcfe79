// `moderate` when the file changes under the room (REVIEW-13 entries 1 and 2): before an agreed
// level is saved the file is read again, and when this indicator's answer there is not the one the
// room was shown, nothing is written over it. Someone else's settlement is kept and shown, and the
// session moves on; views that changed (combine run again) show the indicator again, with the new
// views, for the room to decide on what is really there. The file on disk is checked exactly.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runModerate } from '../../src/cli/actions/moderate.js';
import type { Prompter } from '../../src/interview/prompter.js';
import { wrap } from '../../src/render/wrap.js';
import { fixtures, tempDir } from '../helpers.js';
import type { Step } from '../interview/scripted-prompter.js';
import { captureStderr, hooked } from '../interview/scripted-prompter.js';

const weighted = join(fixtures, 'rubrics', 'weighted.yaml');
const stderr = captureStderr();

function copy(): string {
  const path = join(tempDir(), 'combined.answers.yaml');
  writeFileSync(path, readFileSync(join(fixtures, 'team', 'moderate', 'combined.answers.yaml'), 'utf8').replace('../../rubrics/weighted.yaml', weighted));
  return path;
}

/** The scripted session, noting each question's default. */
function run(path: string, script: Step[], all = false) {
  const s = hooked(script);
  const defaults: { message: string; default: unknown }[] = [];
  const prompter: Prompter = {
    ...s.prompter,
    select: (o) => (defaults.push({ message: o.message, default: o.default }), s.prompter.select(o)),
    input: (o) => (defaults.push({ message: o.message, default: o.default }), s.prompter.input(o)),
  };
  return { ...s, defaults, code: runModerate(path, { all }, prompter) };
}

/** Changes the file on disk as another person (or another command) would, and returns what it then holds. */
function edit(path: string, from: string, to: string): string {
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  const changed = text.replace(from, to);
  writeFileSync(path, changed);
  return changed;
}

const A1 = '  alpha.a1:\n    score: 1\n    views:\n';
const THEIR_SETTLEMENT = '  alpha.a1:\n    score: 2\n    agreed: Settled by the lead with HR on Friday\n    views:\n';
const saidAt78 = (text: string) => wrap(text, 78).join('\n');
const someoneSaved = (path: string) => saidAt78(`Someone else saved ${path} while you were moderating; what they changed is kept.`);

describe('someone else settles the indicator the room is on', () => {
  test('before the room saves: theirs is kept on disk exactly, shown with its reason, and the session moves on', async () => {
    const path = copy();
    let theirs = '';
    const r = run(path, ['3 All', () => void (theirs = edit(path, A1, THEIR_SETTLEMENT)), 'room picked 3']);
    expect(await r.code).toBe(130); // the script ends at the next indicator, like Ctrl-C
    expect(readFileSync(path, 'utf8')).toBe(theirs);
    expect(r.said).toContain(someoneSaved(path));
    expect(r.said).toContain(
      saidAt78(
        'Someone else settled alpha.a1 while you were on it: 2 Most, reason: Settled by the lead with HR on Friday. ' +
          'Theirs is kept, and the level agreed here (3 All, reason: room picked 3) was not saved; to change it, go back to it or run moderate again with --all.',
      ),
    );
    // Not asked for evidence of a level that was not saved; on to the next disputed indicator.
    expect(r.asked.filter((m) => m.startsWith('Evidence'))).toEqual([]);
    expect(r.said.filter((l) => l.startsWith('── '))).toEqual(['── Alpha · disputed 1 of 4 ──', '── Alpha · disputed 2 of 4 ──']);
    expect(stderr.text()).toContain(`Stopped. 1 of 4 disputed indicators is settled in ${path}; 3 remain.`);
  });

  test('between the reason and the evidence: the room saved first, they saved over it; theirs is kept, and the evidence typed is said', async () => {
    const path = copy();
    let theirs = '';
    const r = run(path, [
      '3 All',
      'room picked 3',
      () => {
        // The room's level is on disk now; the lead writes theirs over it in an editor.
        expect(readFileSync(path, 'utf8')).toContain('  alpha.a1:\n    score: 3\n    agreed: "room picked 3"\n    views:\n');
        theirs = edit(path, '  alpha.a1:\n    score: 3\n    agreed: "room picked 3"\n', '  alpha.a1:\n    score: 2\n    agreed: Settled by the lead with HR on Friday\n');
      },
      'Staff survey 2026',
    ]);
    expect(await r.code).toBe(130);
    expect(readFileSync(path, 'utf8')).toBe(theirs);
    expect(r.said).toContain(
      saidAt78(
        'Someone else settled alpha.a1 while you were on it: 2 Most, reason: Settled by the lead with HR on Friday. ' +
          'Theirs is kept, and the level agreed here (3 All, reason: room picked 3, evidence: Staff survey 2026) was not saved; to change it, go back to it or run moderate again with --all.',
      ),
    );
  });

  test('on an indicator the room settled earlier and went back to: their later settlement is not overwritten either', async () => {
    const path = copy();
    let theirs = '';
    const r = run(path, [
      '2 Most',
      'ours',
      '',
      // On alpha.a3 now; meanwhile the lead changes alpha.a1's settlement, and the room goes back to it.
      () => void (theirs = edit(path, '  alpha.a1:\n    score: 2\n    agreed: "ours"\n', '  alpha.a1:\n    score: 1\n    agreed: The lead says 1\n')),
      '← Back to the previous indicator',
      '3 All',
      'ours again',
    ]);
    expect(await r.code).toBe(130);
    expect(readFileSync(path, 'utf8')).toBe(theirs);
    expect(r.said).toContain(
      saidAt78(
        'Someone else settled alpha.a1 while you were on it: 1 Some, reason: The lead says 1. ' +
          'Theirs is kept, and the level agreed here (3 All, reason: ours again) was not saved; to change it, go back to it or run moderate again with --all.',
      ),
    );
  });
});

describe("the views change under the room (combine run again with a corrected file)", () => {
  const B3 = '      - assessor: B # the head of HR\n        score: 3\n';

  test('no longer disputed: nothing saved, the indicator shown again with the new views; Skip leaves the file exactly as combine wrote it', async () => {
    const path = copy();
    let recombined = '';
    const r = run(path, [
      '3 All',
      () => void (recombined = edit(path, B3, '      - assessor: B # the head of HR\n        score: 0\n')),
      "HR's counts are used: 3",
      'Skip for now',
    ]);
    expect(await r.code).toBe(130);
    expect(readFileSync(path, 'utf8')).toBe(recombined);
    expect(r.said).toContain(someoneSaved(path));
    expect(r.said).toContain(
      saidAt78(
        "The views of alpha.a1 changed in the file while you were on it (combine was run again, or someone edited them), so the level agreed here (3 All, reason: HR's counts are used: 3) was not saved. " +
          'Here it is again with the views as they are now; it is no longer disputed, so "Skip for now" leaves it as combine left it.',
      ),
    );
    const headings = r.said.filter((l) => l.startsWith('── '));
    expect(headings.slice(0, 2)).toEqual(['── Alpha · disputed 1 of 4 ──', '── Alpha · disputed 1 of 4 ──']);
    // The second showing has the new view.
    const second = r.said.slice(r.said.lastIndexOf('── Alpha · disputed 1 of 4 ──'));
    expect(second).toContain('  B: 0\u00a0None');
    expect(second).not.toContain('  B: 3\u00a0All');
  });

  test('still disputed: the room decides again on the new views, the reason it typed offered again; saved on what is there now', async () => {
    const path = copy();
    let recombined = '';
    const r = run(path, [
      '3 All',
      () => void (recombined = edit(path, '      - assessor: A\n        score: 1\n', '      - assessor: A\n        score: 0\n')),
      "HR's counts are used",
      '2 Most',
      '', // the reason typed before, offered as the default
      'HR quarterly profile',
    ]);
    expect(await r.code).toBe(130);
    expect(r.said).toContain(
      saidAt78(
        "The views of alpha.a1 changed in the file while you were on it (combine was run again, or someone edited them), so the level agreed here (3 All, reason: HR's counts are used) was not saved. " +
          'Here it is again with the views as they are now.',
      ),
    );
    const reasons = r.defaults.filter((d) => d.message.startsWith('Reason'));
    expect(reasons.map((d) => d.default)).toEqual([undefined, "HR's counts are used"]);
    expect(readFileSync(path, 'utf8')).toBe(
      recombined.replace('  alpha.a1:\n    score: 1\n', '  alpha.a1:\n    score: 2\n    evidence: "HR quarterly profile"\n    agreed: "HR\'s counts are used"\n'),
    );
  });

  test('combine run again between the reason and the evidence: the room sees the new views before anything more is saved', async () => {
    const path = copy();
    let recombined = '';
    const r = run(path, [
      '3 All',
      'room reason',
      // combine keeps no settlement whose views changed: it writes the answer back without agreed.
      () => void (recombined = edit(path, '    score: 3\n    agreed: "room reason"\n    views:\n', '    score: 1\n    views:\n').replace(B3, '      - assessor: B # the head of HR\n        score: 2\n')),
      () => writeFileSync(path, recombined),
      '',
      'Skip for now',
    ]);
    expect(await r.code).toBe(130);
    expect(readFileSync(path, 'utf8')).toBe(recombined);
    expect(r.said).toContain(
      saidAt78(
        'The views of alpha.a1 changed in the file while you were on it (combine was run again, or someone edited them), so the level agreed here (3 All, reason: room reason) was not saved. ' +
          'Here it is again with the views as they are now; it is no longer disputed, so "Skip for now" leaves it as combine left it.',
      ),
    );
  });
});
