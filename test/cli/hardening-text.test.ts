// Issue 11, rows 9, 10 and 18: what reaches the terminal and the markdown. User text never drives
// the terminal or splits a line; every word of a rubric is escaped in markdown and HTML; text output
// fits 80 columns (the terminal's width on one); markdown headings keep every character and pass
// markdownlint.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bin, cli, fixtures, root, tempDir } from '../helpers.js';

const hostile = join(fixtures, 'hostile', 'text');
const weighted = join(fixtures, 'rubrics', 'weighted.yaml');
const markdownlint = join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');

/** A folder with the weighted test rubric and one answers file per entry, named in YAML double quotes. */
function answersFiles(files: Record<string, { name: string; extra?: string }>): string {
  const dir = tempDir();
  copyFileSync(weighted, join(dir, 'weighted.yaml'));
  for (const [file, { name, extra = '' }] of Object.entries(files)) {
    writeFileSync(
      join(dir, file),
      `schemaVersion: 1\nkind: answers\nrubric: ./weighted.yaml\ncouncil: { name: ${name}, type: county }\nanswers:\n  alpha.a1: 3\n  beta.b2: 1\n${extra}`,
    );
  }
  return dir;
}

const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** No control character but newline in the output, and (so nothing was split) the lines we expect. */
function expectNoRawControls(...texts: string[]): void {
  for (const text of texts) {
    expect(text).not.toMatch(RAW);
    expect(text).not.toMatch(/\r/);
  }
}

describe('row 9: control characters in user text are shown, never sent to the terminal', () => {
  // ESC[31m (red), BEL, CR, a newline and a right-to-left override, in the council name.
  const evil = '"Evil \\e[31mRed\\a \\rCR\\nNL \\u202Eflip"';
  const shown = 'Evil \\x1b[31mRed\\x07 \\rCR\\nNL \\u202eflip';

  test('validate, assess, batch and compare show the name with escapes, on one line', () => {
    const dir = answersFiles({ 'evil.yaml': { name: evil } });
    const validate = cli(['validate', 'evil.yaml'], { cwd: dir });
    expect(validate.code).toBe(0);
    expect(validate.stdout).toBe(`evil.yaml: valid answers for ${shown} (rubric "weighted", 2 of 7 answered)\n`);

    const assess = cli(['assess', 'evil.yaml'], { cwd: dir });
    expect(assess.code).toBe(0);
    expect(assess.stdout.split('\n')[0]).toBe(`${shown} (county)`);

    const batch = cli(['batch', 'evil.yaml', '--fail-under', '90'], { cwd: dir });
    expect(batch.code).toBe(1);
    expect(batch.stdout.split('\n')[1]).toBe(`evil.yaml  ${shown}     77.8     33.3%  High`);
    expect(batch.stderr).toBe(`policy failed: ${shown} (evil.yaml) scored 77.8, below --fail-under 90\n`);

    const compare = cli(['compare', 'evil.yaml', 'evil.yaml'], { cwd: dir });
    expect(compare.code).toBe(0);
    expect(compare.stdout.split('\n')[0]).toBe(`${shown}: evil.yaml → evil.yaml`);

    const markdown = cli(['assess', 'evil.yaml', '--format', 'markdown'], { cwd: dir });
    expect(markdown.stdout.split('\n')[0]).toBe('# Community resilience assessment: Evil \\\\x1b\\[31mRed\\\\x07 CR NL \\\\u202eflip'); // line breaks are spaces in markdown
    expectNoRawControls(validate.stdout, validate.stderr, assess.stdout, assess.stderr, batch.stdout, batch.stderr, compare.stdout, markdown.stdout);

    // JSON is data: the name exactly as the file has it.
    const json = JSON.parse(cli(['assess', 'evil.yaml', '--format', 'json'], { cwd: dir }).stdout);
    expect(json.council.name).toBe('Evil \u001b[31mRed\u0007 \rCR\nNL \u202eflip');
  });

  test('a newline in a key cannot split its error or forge an x.yaml:1:1: line', () => {
    const dir = answersFiles({ 'forged.yaml': { name: 'Forgeshire', extra: '  "a\\nx.yaml:1:1: all is well\\u001b[2K": 1\n' } });
    for (const command of [['validate', 'forged.yaml'], ['assess', 'forged.yaml'], ['batch', 'forged.yaml', '--format', 'json']]) {
      const r = cli(command, { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('forged.yaml:8:3: a\\nx.yaml:1:1: all is well\\x1b[2K: not an indicator of rubric "weighted"\n');
      expect(r.stderr).not.toMatch(/^x\.yaml/m);
      expectNoRawControls(r.stderr);
    }
  });

  test('a 100,000-character key or value is cut short in its one-line error', () => {
    const key = 'k'.repeat(100_000);
    const dir = answersFiles({
      'long-key.yaml': { name: 'Longshire', extra: `  alpha.a2: 1\nextra: {"${key}": 1}\n` },
      'long-key-answers.yaml': { name: 'Longshire' },
      'long-value.yaml': { name: 'Longshire', extra: `  alpha.a2: "${key}"\n` },
    });
    // A key of the answers mapping (the flow style: YAML limits a block key to 1,024 characters).
    writeFileSync(
      join(dir, 'long-key-answers.yaml'),
      `schemaVersion: 1\nkind: answers\nrubric: ./weighted.yaml\ncouncil: { name: Longshire, type: county }\nanswers: {"${key}": 1}\n`,
    );
    const keyErr = cli(['validate', 'long-key-answers.yaml'], { cwd: dir });
    expect(keyErr.code).toBe(2);
    expect(keyErr.stderr).toBe(`long-key-answers.yaml:5:11: ${'k'.repeat(160)}… (100,000 characters): not an indicator of rubric "weighted"\n`);

    const valueErr = cli(['validate', 'long-value.yaml'], { cwd: dir });
    expect(valueErr.code).toBe(2);
    expect(valueErr.stderr).toBe(
      `long-value.yaml:8:13: alpha.a2: "${'k'.repeat(120)}…" (100,000 characters) is not an answer; expected a whole number 0-3, n/a, unknown, or nothing if not yet answered\n`,
    );
    for (const r of [keyErr, valueErr, cli(['validate', 'long-key.yaml'], { cwd: dir })]) {
      expect(r.stderr.length).toBeLessThan(400);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  test('a usage error naming user text shows its control characters', () => {
    const dir = answersFiles({ 'a.yaml': { name: 'Plainshire' } });
    const r = cli(['assess', 'a.yaml', '--output', 'no\u001b[31mwhere/report.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: cannot write no\\x1b[31mwhere/report.txt: its folder does not exist\n');
  });
});

describe('row 10: every word of a rubric is escaped in markdown and HTML', () => {
  // test/fixtures/rubrics/weighted.yaml with <img src=x onerror=...> in every string field.
  const answers = join(hostile, 'markup.answers.yaml');
  const before = join(hostile, 'markup-before.answers.yaml');

  test('assess markdown and html, compare markdown: no live <img, the escaped forms present', () => {
    const md = cli(['assess', answers, '--format', 'markdown']);
    const flat = (text: string) => text.replace(/\s+/g, ' '); // markdown wraps between words
    const html = cli(['assess', answers, '--format', 'html']);
    const compare = cli(['compare', before, answers, '--format', 'markdown']);
    for (const r of [md, html, compare]) {
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(/<img|<script/i);
    }
    const img = (n: number) => `&lt;img src=x onerror=alert(${n})&gt;`;
    // Scale labels, where the answers and "Now:" are given, and in the note on the method.
    expect(flat(md.stdout)).toContain(`3 All ${img(3)}.`);
    expect(flat(md.stdout)).toContain(`Now: Most ${img(2)} (2).`);
    expect(flat(md.stdout)).toContain(`0 (None ${img(0)}), 1 (Some ${img(1)})`);
    // A statement that starts like a heading or a list stays text.
    expect(md.stdout).toContain(`- **# ${img(1)} A one**`);
    expect(md.stdout).toContain(`\\- ${img(1)} a summary that starts like a list`);
    expect(flat(compare.stdout)).toContain(`1 Some ${img(1)} → 3 All ${img(3)}`);
    expect(html.stdout).toContain(`<td>3 All ${img(3)}</td>`);
    expect(html.stdout).toContain(`<p>Source of the framework: Source ${img(1)} [link](javascript:alert(1))</p>`);
  });
});

describe('row 18: text fits 80 columns; markdown headings keep every character and pass markdownlint', () => {
  const widest = (text: string) => Math.max(...text.split('\n').map((line) => [...line].length));
  const tooWide = (text: string, width = 80) => text.split('\n').filter((line) => [...line].length > width);

  test('assess text of every example fits 80 columns, with and without a cohort', () => {
    const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.answers.yaml')).map((f) => join('examples', f));
    examples.push('examples/own-rubric/pebblebrook-district.answers.yaml');
    for (const file of examples) {
      const r = cli(['assess', file]);
      expect(r.code).toBe(0);
      expect({ file, lines: tooWide(r.stdout) }).toEqual({ file, lines: [] });
    }
    const dir = tempDir();
    const cohort = join(dir, 'cohort.json');
    const eight = examples.filter((f) => /brackenford|eastmoor|saltmarsh/.test(f));
    expect(cli(['batch', ...eight, '--format', 'json', '--output', cohort]).code).toBe(0);
    for (const file of eight) expect(tooWide(cli(['assess', file, '--cohort', cohort]).stdout)).toEqual([]);
    // compare, batch and rubrics too.
    expect(tooWide(cli(['compare', 'examples/brackenford-unitary-2025.answers.yaml', 'examples/brackenford-unitary.answers.yaml']).stdout)).toEqual([]);
    expect(tooWide(cli(['batch', ...eight]).stdout)).toEqual([]);
    expect(tooWide(cli(['rubrics']).stdout)).toEqual([]);
  });

  test("every built-in rubric's template, answered at each level, assesses within 80 columns", () => {
    const dir = tempDir();
    const ids = cli(['rubrics', '--format', 'json']);
    for (const { id } of JSON.parse(ids.stdout) as { id: string }[]) {
      const template = cli(['template', '--rubric', id]).stdout;
      for (const answer of ['', ' 0', ' 1', ' 2', ' 3', ' unknown']) {
        const file = join(dir, `${id}.yaml`);
        writeFileSync(file, template.replace(/^(  [a-z0-9-]+\.[a-z0-9-]+):$/gm, `$1:${answer}`));
        const r = cli(['assess', file]);
        expect(r.code).toBe(0);
        if (answer === ' 3') expect(r.stdout).toContain('Overall  100.0 / 100');
        expect({ id, answer, lines: tooWide(r.stdout) }).toEqual({ id, answer, lines: [] });
      }
    }
  });

  test('a 120-character council name wraps in the header instead of overflowing', () => {
    const name = `${'Very Long Named '.repeat(7)}Councils`;
    expect(name).toHaveLength(120);
    const dir = answersFiles({ 'long.yaml': { name: JSON.stringify(name) } });
    const r = cli(['assess', 'long.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(tooWide(r.stdout)).toEqual([]);
    const header = r.stdout.split('\n').slice(0, 3);
    expect(header.slice(0, 2).join(' ')).toBe(`${name} (county)`);
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
    // The same file in compare and batch.
    expect(tooWide(cli(['compare', 'long.yaml', 'long.yaml'], { cwd: dir }).stdout)).toEqual([]);
    expect(tooWide(cli(['batch', 'long.yaml'], { cwd: dir }).stdout)).toEqual([]);
  });

  const hasTmux = spawnSync('tmux', ['-V']).status === 0;
  (hasTmux ? test : test.skip)("on a terminal, the text report fits the terminal's width (60 columns)", () => {
    const socket = `cr-width-${process.pid}`;
    const dir = tempDir();
    const done = join(dir, 'done');
    const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
    try {
      const command = `NO_COLOR=1 ${process.execPath} ${bin} assess ${join(root, 'examples', 'eastmoor-county.answers.yaml')}; touch ${done}; sleep 30`;
      tmux('new-session', '-d', '-s', 'w', '-x', '60', '-y', '200', command);
      const deadline = Date.now() + 15000;
      while (!existsSync(done) && Date.now() < deadline) execFileSync('sleep', ['0.05']);
      // -J joins lines the terminal wrapped, so a line too wide for the pane shows as one long line.
      const screen = tmux('capture-pane', '-p', '-J', '-S', '-', '-t', 'w').trimEnd();
      expect(screen).toContain('Eastmoor County Council (county)');
      expect(tooWide(screen, 60)).toEqual([]);
    } finally {
      spawnSync('tmux', ['-L', socket, 'kill-server']);
    }
  });

  test('markdown for a 150-character name and a name ending in " #": every character kept, markdownlint clean', () => {
    const long = `${'The Royal and Ancient Borough Council of Somewhere '.repeat(3)}`.slice(0, 150).trimEnd();
    const name150 = long.length === 150 ? long : `${long}${'x'.repeat(150 - long.length)}`;
    expect(name150).toHaveLength(150);
    const dir = answersFiles({ 'long.yaml': { name: JSON.stringify(name150) }, 'hash.yaml': { name: '"Hashford District Council #"' } });
    const out: string[] = [];
    for (const file of ['long', 'hash']) {
      for (const [kind, args] of [
        ['assess', ['assess', `${file}.yaml`, '--format', 'markdown']],
        ['compare', ['compare', `${file}.yaml`, `${file}.yaml`, '--format', 'markdown']],
      ] as const) {
        const r = cli(args, { cwd: dir });
        expect(r.code).toBe(0);
        writeFileSync(join(dir, `${file}-${kind}.md`), r.stdout);
        out.push(`${file}-${kind}.md`);
      }
    }
    const lint = spawnSync(process.execPath, [markdownlint, ...out], { cwd: dir, encoding: 'utf8' });
    expect(lint.stderr + lint.stdout).toMatch(/Summary: 0 error\(s\)/);
    expect(lint.status).toBe(0);

    // The heading keeps the closing "#"; the long one wraps as a setext heading with the whole name.
    const hash = readFileSync(join(dir, 'hash-assess.md'), 'utf8');
    expect(hash.split('\n')[0]).toBe('# Community resilience assessment: Hashford District Council \\#');
    expect(readFileSync(join(dir, 'hash-compare.md'), 'utf8').split('\n')[0]).toBe('# Progress: Hashford District Council \\#');
    const longMd = readFileSync(join(dir, 'long-assess.md'), 'utf8').split('\n');
    const underline = longMd.findIndex((line) => /^=+$/.test(line));
    expect(longMd.slice(0, underline).join(' ')).toBe(`Community resilience assessment: ${name150}`);
    expect(longMd).toContain('Summary');
    expect(longMd.every((line) => [...line].length <= 80)).toBe(true);
  });
});
