// `assess --plan`: each gap's action, owner, due date and status in every format, gaps the plan has
// no action for, the actions marked done whose level has not moved, the plans refused, and reports
// without --plan exactly as they were. Through the built binary, on a hand-made plan (see the
// comments at the top of test/fixtures/plan/assess/county.plan.yaml for what each action is for).
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { cli, fixtures, root, tempDir } from '../helpers.js';

const dir = 'test/fixtures/plan/assess';
const answers = `${dir}/county-2027.answers.yaml`;
const plan = `${dir}/county.plan.yaml`;
const reportSchema = JSON.parse(readFileSync(join(root, 'schemas', 'report.schema.json'), 'utf8'));
const validateReport = new Ajv.default({ allErrors: true }).compile(reportSchema);
const markdownlint = join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');

function run(args: string[]): string {
  const r = cli(['assess', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

/** The lines from the one that is `first` up to the one before `end` (or to the end). */
function section(text: string, first: string, end?: string): string[] {
  const lines = text.split('\n');
  const from = lines.indexOf(first);
  expect(from).toBeGreaterThanOrEqual(0);
  const to = end === undefined ? lines.length : lines.indexOf(end, from);
  expect(to).toBeGreaterThan(from);
  return lines.slice(from, to);
}

/** A folder with the rubric and the answers, and a plan of the given actions (YAML lines under `actions:`). */
function planWith(actions: string[], council = 'Fixtureshire County Council'): { plan: string; answers: string; dir: string } {
  const d = tempDir('cr-assess-plan-');
  copyFileSync(join(fixtures, 'plan', 'assess', 'weighted.rubric.yaml'), join(d, 'weighted.rubric.yaml'));
  copyFileSync(join(fixtures, 'plan', 'assess', 'county-2027.answers.yaml'), join(d, 'answers.yaml'));
  const file = join(d, 'edited.plan.yaml');
  writeFileSync(file, ['schemaVersion: 1', 'kind: plan', 'rubric: weighted.rubric.yaml', `council: { name: ${JSON.stringify(council)} }`, 'basedOn: { answers: a.yaml }', 'actions:', ...actions, ''].join('\n'));
  return { plan: file, answers: join(d, 'answers.yaml'), dir: d };
}

describe('assess --plan, text', () => {
  test("under each next step: the plan's action, owner, due date and status, or no action; then the done actions that have not moved", () => {
    const text = run([answers, '--plan', plan]);
    expect(section(text, 'Top 5 next steps (of 5 gaps below level 3)', "Don't know (1), counted as 0 until answered:")).toEqual([
      'Top 5 next steps (of 5 gaps below level 3)',
      `  Actions from the plan ${plan} (5 actions).`,
      '  1. alpha.a1 · now 1 Some',
      '     A one',
      '     → a1 step 1',
      // The plan's words are the rubric's next step for level 1, as `plan` wrote them: not said twice.
      '     Action: as the next step above.',
      '     Owner: Director of Place. Due: 2027-03-30. Status: done.',
      '  2. alpha.a2 · now 2 Most',
      '     A two',
      '     → a2 step 2',
      '     Action: Set up the A2 working group with the voluntary sector',
      '     Owner: Head of Communities. Due: 2027-03-31. Status: done.',
      "  3. beta.b1 · now don't know (counted as 0)",
      '     B one',
      '     → b1 step 0',
      '     Action: Find out who holds the B1 records',
      '     Owner: Head of Policy. Due: 2027-06-30. Status: done.',
      '  4. beta.b2 · now 2 Most',
      '     B two',
      '     → b2 step 2',
      '     No action in the plan.',
      '  5. delta.d2 · now 0 None',
      '     D two',
      '     → d2 step 0',
      '     Action: as the next step above.',
      '     Owner: not yet named. Due: no date yet. Status: planned.',
      '',
      // alpha.a2 is done and moved 1 -> 2 (still below its target 3): not listed. delta.d2 has not
      // moved but is only planned; delta.d1 is done but n/a now: neither is listed.
      'Marked done but the level has not moved (2):',
      '  alpha.a1 (baseline 1, now 1)',
      "  beta.b1 (baseline 0, now don't know, counted as 0)",
      '',
    ]);
  });

  test('only the next steps shown (--top) gain an action; the done-not-moved list is whole', () => {
    const text = run([answers, '--plan', plan, '--top', '1']);
    expect(text).toContain('  1. alpha.a1 · now 1 Some\n     A one\n     → a1 step 1\n     Action: as the next step above.\n');
    expect(text).not.toContain('Set up the A2 working group');
    expect(text).toContain('Marked done but the level has not moved (2):\n  alpha.a1 (baseline 1, now 1)\n');
  });

  test('every line fits 80 columns, and text from the plan is shown with its control characters as escapes', () => {
    const { plan: file, answers: a } = planWith([
      '  - key: alpha.a2',
      '    baseline: 1',
      '    target: 3',
      `    action: "${'Work with the voluntary sector on a long and detailed programme '.repeat(3)}\\e[31mred"`,
      `    owner: "Head of Communities and Neighbourhoods\\u202e, Deputy Chief Executive's Office"`,
      '    status: in-progress',
    ]);
    const text = run([a, '--plan', file]);
    for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    expect(text).not.toMatch(/[\u001b\u202e]/);
    expect(section(text, '  2. alpha.a2 · now 2 Most', '  3. beta.b1 · now don\'t know (counted as 0)')).toEqual([
      '  2. alpha.a2 · now 2 Most',
      '     A two',
      '     → a2 step 2',
      '     Action: Work with the voluntary sector on a long and detailed programme',
      '     Work with the voluntary sector on a long and detailed programme Work with',
      '     the voluntary sector on a long and detailed programme \\x1b[31mred',
      '     Owner: Head of Communities and Neighbourhoods\\u202e, Deputy Chief',
      "     Executive's Office. Due: no date yet. Status: in progress.",
    ]);
    // The other gaps have no action in this plan.
    expect(text.match(/ {5}No action in the plan\.\n/g)).toHaveLength(4);
    // No action is done, so there is no list.
    expect(text).not.toContain('Marked done');
  });

  test('a done action whose level fell is listed; one whose level rose to its target is not', () => {
    const { plan: file, answers: a } = planWith([
      '  - { key: beta.b2, baseline: 3, target: 3, action: Keep it up, status: done }',
      '  - { key: alpha.a2, baseline: 0, target: 2, action: Reached, status: done }',
    ]);
    const text = run([a, '--plan', file]);
    expect(section(text, 'Marked done but the level has not moved (1):', "Don't know (1), counted as 0 until answered:")).toEqual([
      'Marked done but the level has not moved (1):',
      '  beta.b2 (baseline 3, now 2)',
      '',
    ]);
    expect(JSON.parse(run([a, '--plan', file, '--format', 'json'])).plan.doneNotMoved).toEqual(['beta.b2']);
  });
});

describe('assess --plan, markdown', () => {
  test('each next step gains nested items for its action and its owner, due date and status; a section for done-not-moved', () => {
    const md = run([answers, '--plan', plan, '--format', 'markdown']);
    expect(section(md, '## Priority next steps', '## Alpha')).toEqual([
      '## Priority next steps',
      '',
      `Actions from the plan ${plan} (5 actions).`,
      '',
      '1. **A one** Now: Some (1). a1 step 1',
      '   - Action: as the next step above.',
      '   - Owner: Director of Place. Due: 2027-03-30. Status: done.',
      '2. **A two** Now: Most (2). a2 step 2',
      '   - Action: Set up the A2 working group with the voluntary sector',
      '   - Owner: Head of Communities. Due: 2027-03-31. Status: done.',
      "3. **B one** Now: don't know. b1 step 0",
      '   - Action: Find out who holds the B1 records',
      '   - Owner: Head of Policy. Due: 2027-06-30. Status: done.',
      '4. **B two** Now: Most (2). b2 step 2',
      '   - No action in the plan.',
      '5. **D two** Now: None (0). d2 step 0',
      '   - Action: as the next step above.',
      '   - Owner: not yet named. Due: no date yet. Status: planned.',
      '',
      '## Marked done but the level has not moved',
      '',
      'These actions are marked done in the plan, but the level now is no higher than',
      'when they were planned.',
      '',
      '- alpha.a1 (baseline 1, now 1)',
      "- beta.b1 (baseline 0, now don't know, counted as 0)",
      '',
    ]);
  });

  test('markdownlint-cli2 (default rules) finds nothing: the fixture, ten or more next steps, and markdown in the plan', () => {
    const out = tempDir();
    const hostile = planWith(
      ['alpha.a1', 'alpha.a2', 'beta.b1', 'beta.b2', 'delta.d2'].map(
        (key, n) => `  - { key: ${key}, baseline: 0, target: 3, action: "${n === 0 ? '# not a heading <b>x</b> | `y` *z*' : '- not a list'}", owner: "1. not a list", status: done }`,
      ),
    );
    // Twelve gaps, so markers "10." to "12." indent their nested items four spaces.
    const many = tempDir();
    copyFileSync(join(fixtures, 'plan', 'assess', 'weighted.rubric.yaml'), join(many, 'weighted.rubric.yaml'));
    const rubric = readFileSync(join(many, 'weighted.rubric.yaml'), 'utf8').replace(
      '  - id: gamma\n    title: Gamma (no indicators)\n    indicators: []\n',
      `  - id: gamma\n    title: Gamma\n    indicators:\n${Array.from({ length: 7 }, (_, i) => `      - { id: g${i}, statement: G ${i}, question: G ${i}?, nextSteps: { 0: g${i} step 0, 1: g${i} step 1, 2: g${i} step 2 } }\n`).join('')}`,
    );
    writeFileSync(join(many, 'weighted.rubric.yaml'), rubric);
    writeFileSync(
      join(many, 'a.yaml'),
      `schemaVersion: 1\nkind: answers\nrubric: weighted.rubric.yaml\ncouncil: { name: Fixtureshire County Council, type: county }\nanswers:\n  alpha.a1: 1\n  alpha.a2: 2\n  beta.b1: unknown\n  beta.b2: 2\n  delta.d1: n/a\n  delta.d2: 0\n${Array.from({ length: 7 }, (_, i) => `  gamma.g${i}: 0\n`).join('')}`,
    );
    writeFileSync(
      join(many, 'p.yaml'),
      `schemaVersion: 1\nkind: plan\nrubric: weighted.rubric.yaml\ncouncil: { name: Fixtureshire County Council }\nbasedOn: { answers: a.yaml }\nactions:\n${Array.from({ length: 7 }, (_, i) => `  - { key: gamma.g${i}, baseline: 0, target: 3, action: g${i} step 0, owner: Head of G, due: 2027-0${i + 1}-01, status: done }\n`).join('')}`,
    );
    const files = [
      [answers, plan],
      [hostile.answers, hostile.plan],
      [join(many, 'a.yaml'), join(many, 'p.yaml')],
    ].map(([a, p], n) => {
      const file = join(out, `report-${n}.md`);
      expect(cli(['assess', a!, '--plan', p!, '--format', 'markdown', '--top', '20', '--output', file])).toMatchObject({ code: 0, stderr: '' });
      return file;
    });
    const twelve = readFileSync(files[2]!, 'utf8');
    expect(twelve).toContain('10. **G 5** Now: None (0). g5 step 0\n    - Action: as the next step above.\n    - Owner: Head of G. Due: 2027-06-01. Status: done.\n');
    const escaped = readFileSync(files[1]!, 'utf8');
    // Markdown's marks escaped; a "#" that does not start a line needs no escape.
    expect(escaped).toContain('   - Action: # not a heading &lt;b&gt;x&lt;/b&gt; \\| \\`y\\` \\*z\\*\n');
    const lint = spawnSync(process.execPath, [markdownlint, ...files], { cwd: out, encoding: 'utf8' });
    expect(lint.stdout + lint.stderr).toContain('Summary: 0 error(s)');
    expect(lint.status).toBe(0);
  });
});

describe('assess --plan, JSON', () => {
  const report = () => {
    const r = JSON.parse(run([answers, '--plan', plan, '--format', 'json']));
    expect(validateReport(r)).toBe(true);
    return r;
  };

  test("each gap's plan is {action, owner, due, status} as the plan says, or null; the report gains plan", () => {
    const r = report();
    expect(r.gaps.map((g: { key: string; plan: unknown }) => [g.key, g.plan])).toEqual([
      ['alpha.a1', { action: 'a1 step 1', owner: 'Director of Place', due: '2027-03-30', status: 'done' }],
      ['alpha.a2', { action: 'Set up the A2 working group with the voluntary sector', owner: 'Head of Communities', due: '2027-03-31', status: 'done' }],
      ['beta.b1', { action: 'Find out who holds the B1 records', owner: 'Head of Policy', due: '2027-06-30', status: 'done' }],
      ['beta.b2', null],
      ['delta.d2', { action: 'd2 step 0', owner: null, due: null, status: 'planned' }],
    ]);
    expect(Object.keys(r.gaps[0])).toEqual(['key', 'characteristic', 'score', 'unknown', 'target', 'priority', 'nextStep', 'plan']);
    expect(r.plan).toEqual({ file: plan, actions: 5, doneNotMoved: ['alpha.a1', 'beta.b1'] });
    expect(Object.keys(r).at(-1)).toBe('plan');
  });

  test('the rest of the report is the report without --plan, byte for byte', () => {
    const withPlan = report();
    for (const g of withPlan.gaps) delete g.plan;
    delete withPlan.plan;
    expect(`${JSON.stringify(withPlan, null, 2)}\n`).toBe(run([answers, '--format', 'json']));
  });

  test('the schema refuses a gap plan with a status not in the list, and a plan without doneNotMoved', () => {
    const r = report();
    r.gaps[0].plan.status = 'finished';
    expect(validateReport(r)).toBe(false);
    const s = report();
    delete s.plan.doneNotMoved;
    expect(validateReport(s)).toBe(false);
  });
});

describe('assess --plan, HTML', () => {
  test('each next step gains a paragraph in words; done-not-moved is a table with column and row headers', () => {
    const html = run([answers, '--plan', plan, '--format', 'html']);
    expect(section(html, '<h2>Priority next steps</h2>', '<h2>Alpha</h2>')).toEqual([
      '<h2>Priority next steps</h2>',
      `<p>Actions from the plan ${plan} (5 actions).</p>`,
      '<ol class="steps">',
      '<li><strong>A one</strong> <span class="now">Now: Some (1).</span><br>a1 step 1<p class="plan">Action: as the next step above.<br>Owner: Director of Place. Due: 2027-03-30. Status: done.</p></li>',
      '<li><strong>A two</strong> <span class="now">Now: Most (2).</span><br>a2 step 2<p class="plan">Action: Set up the A2 working group with the voluntary sector<br>Owner: Head of Communities. Due: 2027-03-31. Status: done.</p></li>',
      '<li><strong>B one</strong> <span class="now">Now: don&#39;t know.</span><br>b1 step 0<p class="plan">Action: Find out who holds the B1 records<br>Owner: Head of Policy. Due: 2027-06-30. Status: done.</p></li>',
      '<li><strong>B two</strong> <span class="now">Now: Most (2).</span><br>b2 step 2<p class="plan">No action in the plan.</p></li>',
      '<li><strong>D two</strong> <span class="now">Now: None (0).</span><br>d2 step 0<p class="plan">Action: as the next step above.<br>Owner: not yet named. Due: no date yet. Status: planned.</p></li>',
      '</ol>',
      '<h2 id="done-not-moved">Marked done but the level has not moved</h2>',
      '<p>These actions are marked done in the plan, but the level now is no higher than when they were planned.</p>',
      '<table class="done-not-moved">',
      '<thead><tr><th scope="col">Indicator</th><th scope="col">Level when planned</th><th scope="col">Level now</th></tr></thead>',
      '<tbody>',
      '<tr><th scope="row">A one (alpha.a1)</th><td>1 Some</td><td>1 Some</td></tr>',
      '<tr><th scope="row">B one (beta.b1)</th><td>0 None</td><td>Don&#39;t know (counted as 0)</td></tr>',
      '</tbody>',
      '</table>',
    ]);
  });

  test("text from the plan is escaped", () => {
    const { plan: file, answers: a } = planWith([
      '  - { key: alpha.a1, baseline: 1, target: 3, action: "<script>alert(1)</script> & co", owner: "<img src=x onerror=alert(1)>", status: planned }',
    ]);
    const html = run([a, '--plan', file, '--format', 'html']);
    expect(html).toContain('<p class="plan">Action: &lt;script&gt;alert(1)&lt;/script&gt; &amp; co<br>Owner: &lt;img src=x onerror=alert(1)&gt;. Due: no date yet. Status: planned.</p>');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
  });
});

describe('assess --plan: plans refused, exit 2', () => {
  test("another council's plan: the answers file's council name located, both files named", () => {
    const r = cli(['assess', answers, '--plan', `${dir}/other-council.plan.yaml`]);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(
      `${answers}:11:18: council.name: this answers file is for "Fixtureshire County Council", but the --plan file ${dir}/other-council.plan.yaml is the plan of "Otherton County Council"; use an answers file of the same council\n`,
    );
  });

  test("a plan made with another rubric (the council's name written in another case is the same council)", () => {
    const r = cli(['assess', answers, '--plan', `${dir}/other-rubric.plan.yaml`, '--format', 'json']);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(
      `${answers}:10:9: rubric: this answers file uses rubric "weighted", but the --plan file ${dir}/other-rubric.plan.yaml was made with rubric "eight-characteristics"; use an answers file of the same rubric\n`,
    );
  });

  test('a bad plan file: its mistake located in it', () => {
    const r = cli(['assess', answers, '--plan', `${dir}/bad-status.plan.yaml`]);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `${dir}/bad-status.plan.yaml:12:13: alpha.a1.status: "finished" is not one of: planned, in-progress, done, dropped\n`]);
    const { plan: file, answers: a } = planWith(['  - { key: alpha.a9, baseline: 1, target: 3, action: x, status: planned, due: 2027-02-30 }']);
    const two = cli(['assess', a, '--plan', file]);
    expect([two.code, two.stdout]).toEqual([2, '']);
    expect(two.stderr).toBe(
      `${file}:7:12: actions[0].key: "alpha.a9" is not an indicator of rubric "weighted"; did you mean "alpha.a1"?\n` +
        `${file}:7:79: alpha.a9.due: 2027-02-30 is not a real date; expected YYYY-MM-DD\n`,
    );
  });

  test('an answers file given as the plan', () => {
    const r = cli(['assess', answers, '--plan', answers]);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `${answers}:9:7: kind: expected kind: plan, found "answers"\n`]);
  });

  test('--output is never the plan, nor the rubric it names', () => {
    const { plan: file, answers: a, dir: d } = planWith(['  - { key: alpha.a1, baseline: 1, target: 3, action: x, status: planned }']);
    const before = readFileSync(file, 'utf8');
    const r = cli(['assess', a, '--plan', file, '--output', file]);
    expect([r.code, r.stderr]).toEqual([2, `error: --output ${file} is the --plan file: writing there would destroy it; choose another file for --output\n`]);
    expect(readFileSync(file, 'utf8')).toBe(before);
    // A plan in another folder, naming its own copy of the rubric.
    const other = tempDir('cr-assess-plan-');
    copyFileSync(join(d, 'weighted.rubric.yaml'), join(other, 'weighted.rubric.yaml'));
    copyFileSync(file, join(other, 'p.yaml'));
    const rubric = join(other, 'weighted.rubric.yaml');
    const c = cli(['assess', a, '--plan', join(other, 'p.yaml'), '--output', rubric]);
    expect([c.code, c.stderr]).toEqual([2, `error: --output ${rubric} is the rubric the --plan file names: writing there would destroy it; choose another file for --output\n`]);
  });
});

describe('reports without --plan are as they were', () => {
  test.each(['text', 'markdown', 'html', 'json'])('%s: no plan words, no plan fields', (format) => {
    const out = run([answers, '--format', format]);
    expect(out).not.toMatch(/Actions from the plan|No action in the plan|Marked done|"plan"|class="plan"/);
  });
});

describe('assess --plan with a plan of no actions', () => {
  test('a plan with no actions: every shown gap says so, and the JSON says none is done', () => {
    const { plan: file, answers: a } = planWith([]);
    writeFileSync(file, readFileSync(file, 'utf8').replace('actions:\n', 'actions: []\n'));
    const text = run([a, '--plan', file]);
    expect(text).toContain(`  Actions from the plan ${file} (0 actions).\n`);
    expect(text.match(/ {5}No action in the plan\.\n/g)).toHaveLength(5);
    const r = JSON.parse(run([a, '--plan', file, '--format', 'json']));
    expect(r.gaps.every((g: { plan: unknown }) => g.plan === null)).toBe(true);
    expect(r.plan).toEqual({ file, actions: 0, doneNotMoved: [] });
  });
});
