// The text and markdown reports of a combined file: the range of views beside each answer and the
// section "Where assessors disagreed", line for line; 80 columns, file text made visible, markdownlint.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { cli, root, tempDir } from '../helpers.js';

const dir = 'test/fixtures/team/reports';
const unsettled = `${dir}/unsettled.answers.yaml`;
const settled = `${dir}/settled.answers.yaml`;
const noAssessors = `${dir}/no-assessors.answers.yaml`;
const markdownlint = join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');

function run(args: string[]): string {
  const r = cli(['assess', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

/** The lines from `first` up to (not including) the first line after it that starts with `stop`. */
function section(text: string, first: string, stop: RegExp): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(first);
  expect(start).toBeGreaterThan(-1);
  const end = lines.findIndex((line, i) => i > start && stop.test(line));
  return lines.slice(start, end === -1 ? undefined : end);
}

describe('text report of a combined file', () => {
  const text = () => run([unsettled]);

  test('"Where assessors disagreed": every disputed indicator, every view, the agreed level and reason or "not yet settled"', () => {
    expect(section(text(), 'Where assessors disagreed', /^Not assessed/)).toEqual([
      'Where assessors disagreed',
      '  Assessors: Head of HR, Finance, Head of Commissioning, Deputy Chief Executive.',
      '  5 of 10 indicators with views are disputed (views two or more levels apart, or',
      '  not applicable beside a level): 2 settled, 3 not yet settled.',
      '',
      '  1. intent.strategic-plans',
      "     Community empowerment is written into the council's strategic plans.",
      '     - Head of HR: 1 Emerging, confidence high',
      '       Evidence: Only the workforce plan mentions it.',
      '     - Finance: 3 Embedded',
      '       Evidence: The medium-term financial plan, section 4.',
      '     - Head of Commissioning: 2 Developing',
      '     Not yet settled; for now the answer is 2 Developing.',
      '',
      '  2. intent.defined-approach',
      '     The council has gone beyond principles to a defined approach, an agreed way',
      '     of working.',
      '     - Head of HR: 3 Embedded, confidence medium',
      '     - Finance: 1 Emerging, confidence low',
      '     Agreed: 2 Developing. Reason: The approach is agreed but not yet used by',
      '     every directorate.',
      '     Evidence: Cabinet paper of March 2026.',
      '',
      '  3. intent.service-trap',
      '     The council recognises that people can become trapped in a world of service',
      '     delivery.',
      '     - Head of HR: Not applicable',
      '     - Head of Commissioning: 2 Developing',
      '     Not yet settled; for now the answer is 2 Developing.',
      '',
      '  4. approach.community-teams',
      '     The council has staff teams set aside for community work, who also join up',
      '     what different parts of the council do.',
      '     - Head of HR: 0 Not in place',
      // the newline and the escape sequence in the evidence are shown, never sent to the terminal
      '       Evidence: Two posts,\\nboth vacant \\x1b[31msince May',
      '     - Finance: 3 Embedded',
      '     - Head of Commissioning: 1 Emerging',
      '     - Deputy Chief Executive: 2 Developing',
      '     Not yet settled; for now the answer is 1 Emerging.',
      '',
      '  5. knowledge.asset-mapping',
      '     The council has an agreed method for understanding and mapping what its',
      '     communities have: their people, their organisations and their physical',
      '     assets.',
      "     - Head of HR: Don't know",
      '     - Finance: 0 Not in place',
      '     - Head of Commissioning: 3 Embedded',
      '     Agreed: 1 Emerging. Reason: Mapping exists for two wards only.',
      '',
    ]);
  });

  test('the first lines name the assessors of a combined file', () => {
    const lines = text().split('\n');
    expect(lines[0]).toBe('Fenwick Borough Council (unitary)');
    expect(lines.slice(3, 5)).toEqual([
      'Assessed 2026-11-20 by Head of HR, Finance, Head of Commissioning and Deputy',
      'Chief Executive',
    ]);
    expect(run([settled]).split('\n')[3]).toBe('Assessed 2026-11-27 by Head of HR and Finance');
  });

  test('the range of views beside each next step\'s answer', () => {
    const steps = text().split('\n').filter((line) => /^ {2}\d\. /.test(line) && line.includes(' · now '));
    expect(steps).toEqual([
      "  1. approach.co-production · now don't know (counted as 0), both assessors",
      '  2. approach.reducing-demand · now 1 Emerging, views 1–2 and don\'t know from 3',
      '  3. approach.community-teams · now 1 Emerging, views 0–3 from 4 assessors',
      "  4. knowledge.asset-mapping · now 1 Emerging, views 0–3 and don't know from 3",
      '  5. intent.strategic-plans · now 2 Developing, views 1–3 from 3 assessors',
    ]);
  });

  test('every line fits 80 columns and no control character reaches the terminal', () => {
    for (const out of [text(), run([settled]), run([noAssessors])]) {
      for (const line of out.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
      expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    }
  });

  test('all settled, and none disputed: the summary says so', () => {
    expect(section(run([settled]), 'Where assessors disagreed', /^ {2}1\./)).toEqual([
      'Where assessors disagreed',
      '  Assessors: Head of HR, Finance. 2 of 4 indicators with views are disputed',
      '  (views two or more levels apart, or not applicable beside a level): all are',
      '  settled.',
      '',
    ]);
    expect(section(run([noAssessors]), 'Where assessors disagreed', /^$/)).toEqual([
      'Where assessors disagreed',
      '  Assessors: Policy Lead, Head of HR, Learning Manager. None of the 2 indicators',
      '  with views is disputed (views two or more levels apart, or not applicable',
      '  beside a level).',
    ]);
  });

  test('an ordinary answers file has no such section and no views', () => {
    const out = run(['examples/saltmarsh-district.answers.yaml']);
    expect(out).not.toContain('Where assessors disagreed');
    expect(out).not.toMatch(/assessors? agree|from \d+ assessors?/);
  });
});

describe('markdown report of a combined file', () => {
  const markdown = () => run([unsettled, '--format', 'markdown']);

  test('beside each answer: a range, one view, all agreeing, n/a and don\'t know among the views, or nothing without views', () => {
    const md = markdown();
    const items = section(md, '## Approach', /^## Knowledge/).filter((line) => line.startsWith('- ') || line.startsWith('  '));
    expect(items).toEqual([
      '- **The council has ways of helping communities to rely less on public',
      "  services.** 1 Emerging, views 1–2 and don't know from 3 assessors.",
      '- **The council actively encourages co-production: communities are involved as',
      '  early as possible in defining needs and designing services, and in delivering',
      "  services or managing demand.** Don't know, both assessors agree.",
      '- **The council works with elected members to help them be more involved in',
      '  their local communities.** Not applicable, both assessors agree.',
      '- **In single-tier councils, the council creates and funds ward forums.** 3',
      '  Embedded, from 1 assessor.',
      '- **The council has staff teams set aside for community work, who also join up',
      '  what different parts of the council do.** 1 Emerging, views 0–3 from 4',
      '  assessors.',
      '- **The council tries to understand which of its staff live and work in its',
      '  communities.** 2 Developing.',
      '- **The council devolves meaningful budgets to community control.** Not',
      '  assessed.',
    ]);
    expect(md).toContain('delivery.** 2 Developing, views 2 and not applicable from 2 assessors.');
  });

  test('the date line names the assessors', () => {
    expect(markdown().split('\n').slice(2, 5)).toEqual([
      'Assessed on 2026-11-20 by Head of HR, Finance, Head of Commissioning and Deputy',
      'Chief Executive. Council type: unitary.',
      '',
    ]);
  });

  test('"Where assessors disagreed": a list item per disputed indicator, a nested item per view and the outcome', () => {
    expect(section(markdown(), '## Where assessors disagreed', /^## /)).toEqual([
      '## Where assessors disagreed',
      '',
      'Assessors: Head of HR, Finance, Head of Commissioning, Deputy Chief Executive. 5',
      'of 10 indicators with views are disputed (views two or more levels apart, or not',
      'applicable beside a level): 2 settled, 3 not yet settled.',
      '',
      "- **Community empowerment is written into the council's strategic plans.**",
      '  (`intent.strategic-plans`)',
      '  - Head of HR: 1 Emerging, confidence high. Evidence: Only the workforce plan',
      '    mentions it.',
      '  - Finance: 3 Embedded. Evidence: The medium-term financial plan, section 4.',
      '  - Head of Commissioning: 2 Developing.',
      '  - Not yet settled; for now the answer is 2 Developing.',
      '- **The council has gone beyond principles to a defined approach, an agreed way',
      '  of working.** (`intent.defined-approach`)',
      '  - Head of HR: 3 Embedded, confidence medium.',
      '  - Finance: 1 Emerging, confidence low.',
      '  - Agreed: 2 Developing. Reason: The approach is agreed but not yet used by',
      '    every directorate. Evidence: Cabinet paper of March 2026.',
      '- **The council recognises that people can become trapped in a world of service',
      '  delivery.** (`intent.service-trap`)',
      '  - Head of HR: Not applicable.',
      '  - Head of Commissioning: 2 Developing.',
      '  - Not yet settled; for now the answer is 2 Developing.',
      '- **The council has staff teams set aside for community work, who also join up',
      '  what different parts of the council do.** (`approach.community-teams`)',
      // markdown collapses the newline; the escape character is shown and its "[" escaped
      '  - Head of HR: 0 Not in place. Evidence: Two posts, both vacant \\\\x1b\\[31msince',
      '    May',
      '  - Finance: 3 Embedded.',
      '  - Head of Commissioning: 1 Emerging.',
      '  - Deputy Chief Executive: 2 Developing.',
      '  - Not yet settled; for now the answer is 1 Emerging.',
      '- **The council has an agreed method for understanding and mapping what its',
      '  communities have: their people, their organisations and their physical',
      '  assets.** (`knowledge.asset-mapping`)',
      "  - Head of HR: Don't know.",
      '  - Finance: 0 Not in place.',
      '  - Head of Commissioning: 3 Embedded.',
      '  - Agreed: 1 Emerging. Reason: Mapping exists for two wards only.',
      '',
    ]);
  });

  test('markdownlint-cli2 (default rules) finds nothing in the reports of combined files', () => {
    const out = tempDir();
    const files = [unsettled, settled, noAssessors].map((file, n) => {
      const md = join(out, `team-${n}.md`);
      expect(cli(['assess', file, '--format', 'markdown', '--output', md]).code).toBe(0);
      return md;
    });
    const lint = spawnSync(process.execPath, [markdownlint, ...files], { cwd: out, encoding: 'utf8' });
    expect(lint.stdout + lint.stderr).toContain('Summary: 0 error(s)');
    expect(lint.status).toBe(0);
  });

  test('an ordinary answers file has no such section and no views', () => {
    const md = run(['examples/saltmarsh-district.answers.yaml', '--format', 'markdown']);
    expect(md).not.toContain('Where assessors disagreed');
    expect(md).not.toMatch(/assessors? agree|from \d+ assessors?/);
  });
});
