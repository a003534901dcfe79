// One rule for "still to be settled" (core/agreement needsSettling), and the reports, --strict and
// moderate keeping to it: a disputed indicator is settled only by an `agreed` that gives a reason
// (a blank one settles nothing), and an indicator that does not apply to the council is not scored,
// so it is never disputed. Through the built binary; moderate's list in a real terminal (tmux).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runModerate } from '../../src/cli/actions/moderate.js';
import { bin, cli, root, tempDir } from '../helpers.js';
import { captureStderr, scriptedPrompter } from '../interview/scripted-prompter.js';
import { hasTmux, tmuxServer } from '../interview/tmux.js';

const fixture = join(root, 'test', 'fixtures', 'team', 'fix-moderate', 'rules.answers.yaml');
/** The warning every run gives for ward forums, at the line of its answer. */
const wardWarning = (path: string, line: number) =>
  `${path}:${line}:3: approach.ward-forums: warning: does not apply to this council (only where type is unitary or metropolitan-district or london-borough); its answer is kept but not scored`;
// 30 indicators; ward forums do not apply to a district; 3 of the other 29 are answered.
const NOT_ASSESSED = 'policy failed: --strict: 26 applicable indicators are not assessed';
const UNSETTLED =
  'policy failed: --strict: 1 disputed indicator is not settled: intent.strategic-plans (settle it with moderate, or give its answer an agreed: reason)';

/** The fixture, changed by `edit`, in a folder of its own. */
function variant(edit: (text: string) => string = (t) => t): string {
  const path = join(tempDir(), 'team.yaml');
  const text = readFileSync(fixture, 'utf8');
  const changed = edit(text);
  writeFileSync(path, changed);
  return path;
}

type Indicator = { key: string; applicable: boolean; disputed?: boolean; spread?: number | null; agreed?: string | null; views?: unknown[] };
const indicators = (json: { characteristics: { indicators: Indicator[] }[] }) =>
  Object.fromEntries(json.characteristics.flatMap((c) => c.indicators).filter((i) => (i.views?.length ?? 0) > 0).map((i) => [i.key, i]));

describe('a blank agreed: on a disputed indicator settles nothing', () => {
  test('JSON: counted disputed and not settled; the blank reason is reported as it is', () => {
    const r = cli(['assess', fixture, '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.agreement).toEqual({ assessors: ['Policy Lead', 'Head of HR'], withViews: 4, disputed: 2, settled: 1 });
    const byKey = indicators(json);
    expect(byKey['intent.strategic-plans']).toMatchObject({ disputed: true, spread: 2, agreed: '  ' });
    expect(byKey['intent.service-trap']).toMatchObject({ disputed: true, agreed: 'The trap is named in the medium-term plan.' });
    // undisputed with agreed: "" (what moderate --all writes): as before, nothing to settle
    expect(byKey['approach.community-teams']).toMatchObject({ disputed: false, agreed: '' });
  });

  test('--strict: exit 1, naming it; the text report says "not yet settled", never "no reason given"', () => {
    const r = cli(['assess', fixture, '--strict']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${wardWarning(fixture, 26)}\n${NOT_ASSESSED}\n${UNSETTLED}\n`);
    expect(r.stdout).toContain(
      '  1. intent.strategic-plans\n' +
        "     Community empowerment is written into the council's strategic plans.\n" +
        '     - Policy Lead: 1 Emerging\n' +
        '     - Head of HR: 3 Embedded\n' +
        '     Not yet settled; for now the answer is 1 Emerging.\n',
    );
    expect(r.stdout).toContain('2 of 4 indicators with views are disputed');
    expect(r.stdout).toContain('1 settled,\n  1 not yet settled.');
    expect(r.stdout).not.toContain('no reason given');
  });

  test('the same with agreed: "" and with only spaces and a tab; a reason settles it', () => {
    for (const blank of ['""', "''", '"\\t \\t"']) {
      const path = variant((t) => t.replace('agreed: "  "', `agreed: ${blank}`));
      const r = cli(['assess', path, '--strict', '--format', 'json']);
      expect([blank, r.code, JSON.parse(r.stdout).agreement.settled]).toEqual([blank, 1, 1]);
      expect(r.stderr).toContain(`\n${UNSETTLED}\n`);
    }
    const path = variant((t) => t.replace('agreed: "  "', 'agreed: Two of the three plans name it.'));
    const r = cli(['assess', path, '--strict', '--format', 'json']);
    expect(r.code).toBe(1); // still the questions not answered, and nothing else
    expect(r.stderr.split('\n').slice(1)).toEqual([NOT_ASSESSED, '']);
    expect(JSON.parse(r.stdout).agreement).toMatchObject({ disputed: 2, settled: 2 });
  });
});

describe('an indicator that does not apply to the council is never disputed', () => {
  test('JSON: its views and spread are shown, but it is not disputed and not in agreement.disputed', () => {
    const json = JSON.parse(cli(['assess', fixture, '--format', 'json']).stdout);
    const ward = indicators(json)['approach.ward-forums']!;
    expect(ward).toMatchObject({ applicable: false, disputed: false, spread: 3, agreed: null });
    expect(ward.views).toEqual([
      { assessor: 'Policy Lead', score: 0 },
      { assessor: 'Head of HR', score: 3 },
    ]);
    expect(json.agreement.disputed).toBe(2);
  });

  test('the same file for a unitary council, where ward forums apply: disputed, unsettled, and --strict names it', () => {
    const path = variant((t) => t.replace('type: district', 'type: unitary'));
    const r = cli(['assess', path, '--strict', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).agreement).toEqual({ assessors: ['Policy Lead', 'Head of HR'], withViews: 4, disputed: 3, settled: 1 });
    expect(r.stderr).toContain(
      'policy failed: --strict: 2 disputed indicators are not settled: intent.strategic-plans, approach.ward-forums (settle them with moderate, or give each answer an agreed: reason)\n',
    );
  });

  test('--strict does not fail for it: with everything else settled and answered, exit 0', () => {
    const answers = readFileSync(fixture, 'utf8')
      .replace('agreed: "  "', 'agreed: Two of the three plans name it.')
      .replace('answers:\n', 'answers:\n' + allOtherKeys().map((k) => `  ${k}: 1\n`).join(''));
    const path = join(tempDir(), 'team.yaml');
    writeFileSync(path, answers);
    const r = cli(['assess', path, '--strict', '--format', 'json']);
    expect(r.stderr).toBe(`${wardWarning(path, 26 + allOtherKeys().length)}\n`);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).agreement).toMatchObject({ disputed: 2, settled: 2 });
  });

  test('the text report does not list it under "Where assessors disagreed"', () => {
    const r = cli(['assess', fixture]);
    const section = r.stdout.slice(r.stdout.indexOf('Where assessors disagreed'));
    expect(section).toContain('2. intent.service-trap');
    expect(section).not.toMatch(/^ {2}3\. /m);
    expect(section.split('Not assessed')[0]).not.toContain('ward-forums');
  });
});

/** Every indicator key of the built-in rubric but the four in the fixture. */
function allOtherKeys(): string[] {
  const json = JSON.parse(cli(['assess', fixture, '--format', 'json']).stdout) as { characteristics: { indicators: Indicator[] }[] };
  const inFixture = new Set(['intent.strategic-plans', 'intent.service-trap', 'approach.ward-forums', 'approach.community-teams']);
  return json.characteristics.flatMap((c) => c.indicators.map((i) => i.key)).filter((k) => !inFixture.has(k));
}

describe('moderate offers what needs settling, by the same rule', () => {
  const stderr = captureStderr();

  test('in-process: the blank one is offered, with its reason required; the one that does not apply is not', async () => {
    const path = variant();
    const s = scriptedPrompter(['2 Developing', '', 'Two of the three plans name it.', '']);
    expect(await runModerate(path, {}, s.prompter)).toBe(0);
    expect(s.said).toContain('1 of 2 disputed indicators are already settled; 1 to go.');
    expect(s.said.filter((l) => l.startsWith('── '))).toEqual(['── Intent · disputed 1 of 2 ──']);
    expect(s.said.join('\n')).not.toContain('ward');
    // The blank default is not offered, and an empty reason is refused.
    expect(s.said).toContain('A reason is needed: the views differ by two levels or more.');
    expect(s.said.at(-1)).toBe(`Settled 2 of 2 disputed indicators. Saved in ${path}.`);
    expect(stderr.text()).toContain('approach.ward-forums: warning: does not apply');
    expect(readFileSync(path, 'utf8')).toBe(
      readFileSync(fixture, 'utf8').replace('    score: 1\n', '    score: 2\n').replace('agreed: "  "', 'agreed: "Two of the three plans name it."'),
    );
  });

  test('--all: the one that does not apply is offered, said not to apply, and needs no reason', async () => {
    const path = variant();
    const s = scriptedPrompter(['Skip for now', 'Skip for now', '0 Not in place', '', '']);
    expect(await runModerate(path, { all: true }, s.prompter)).toBe(130);
    expect(s.said).toContain('── Approach · indicator 3 of 4 ──');
    expect(s.said.join('\n').replace(/\s+/g, ' ')).toContain(
      'Combined score: 0 Not in place (the lower median of the views); it does not apply to this council, so it is not scored and not counted as disputed (the views are 3 apart).',
    );
    expect(s.asked).toContain('Reason for the agreed level (optional; it goes in the report):');
    expect(readFileSync(path, 'utf8')).toContain('  approach.ward-forums:\n    score: 0\n    agreed: ""\n    views:\n');
  });
});

const maybe = hasTmux ? describe : describe.skip;
maybe('moderate in a real terminal, the built binary', () => {
  const { tmux, waitFor, waitForFile, kill } = tmuxServer(`cr-fixmod-rules-${process.pid}`);
  afterAll(() => kill());
  const start = (dir: string, session: string, path: string) => {
    const exit = join(dir, `${session}.exit`);
    tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '50', '-c', dir, `NO_COLOR=1 ${process.execPath} ${bin} moderate ${path}; echo $? > ${exit}; sleep 60`);
    return exit;
  };
  const history = (session: string) => tmux('capture-pane', '-p', '-S', '-', '-t', session);

  test('the list: the blank-agreed indicator, and not the one that does not apply; Ctrl-C counts it unsettled', async () => {
    const dir = tempDir();
    const path = variant();
    const exit = start(dir, 'blank', path);
    await waitFor('blank', /❯ 1 Emerging/, 'the levels of intent.strategic-plans');
    tmux('send-keys', '-t', 'blank', 'C-c');
    expect(await waitForFile(exit)).toBe('130');
    const screen = history('blank');
    expect(screen).toContain('1 of 2 disputed indicators are already settled; 1 to go.');
    expect(screen).toContain('── Intent · disputed 1 of 2 ──');
    expect(screen).not.toContain('Ward');
    expect(screen).toContain(`Stopped. 1 of 2 disputed indicators is settled in ${path}; 1 remains.`);
  });

  test('only the one that does not apply is far apart: nothing to moderate, exit 0, and it says why', async () => {
    const dir = tempDir();
    const path = variant((t) => t.replace('agreed: "  "', 'agreed: Two of the three plans name it.'));
    writeFileSync(path, readFileSync(path, 'utf8').replace(/  intent\.service-trap:\n(    .*\n|      .*\n)+/, ''));
    const exit = start(dir, 'ward', path);
    expect(await waitForFile(exit)).toBe('0');
    expect(history('ward').replace(/\s*\n\s*/g, ' ')).toContain(
      `All 1 disputed indicator in ${path} is already settled.`,
    );
  });

  test('no dispute that applies at all: it names the far-apart one that does not apply', async () => {
    const dir = tempDir();
    const path = variant((t) => t.replace(/  intent\.strategic-plans:\n(    .*\n|      .*\n)+/, '').replace(/  intent\.service-trap:\n(    .*\n|      .*\n)+/, ''));
    const exit = start(dir, 'none', path);
    expect(await waitForFile(exit)).toBe('0');
    expect(history('none').replace(/\s*\n\s*/g, ' ')).toContain(
      `No indicator in ${path} is disputed. The views of approach.ward-forums are far apart, but it does not apply to this council, so it is not scored. To go over them anyway: council-resilience moderate ${path} --all`,
    );
  });
});
