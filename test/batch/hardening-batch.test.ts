// Issue 11, rows 7, 8 and 13, through the built binary: rubrics told apart by content, batch JSON
// checked against its schema, merge refusing doubled councils, and batch inputs that repeat or
// cannot be read.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { bin, cli, root, tempDir } from '../helpers.js';

import { borrowedIdRubric, exampleAnswers as example, naming, newerRubric, reformattedRubric } from '../rubric-copies.js';

/**
 * A folder with councils scored against the built-in rubric, one against a rubric file that borrows
 * its id and version with one weight changed, and one against a copy that differs only in comments
 * and layout (the same rubric).
 */
function councils(): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'real.yaml'), example('brackenford-unitary'));
  writeFileSync(join(dir, 'other.yaml'), example('eastmoor-county'));
  writeFileSync(join(dir, 'borrowed-id.rubric.yaml'), borrowedIdRubric);
  writeFileSync(join(dir, 'fake.yaml'), naming(example('brackenford-unitary'), './borrowed-id.rubric.yaml'));
  writeFileSync(join(dir, 'copy.rubric.yaml'), reformattedRubric('my copy', "'1.3.6'   # quoted"));
  writeFileSync(join(dir, 'copied.yaml'), naming(example('eastmoor-county'), './copy.rubric.yaml'));
  writeFileSync(join(dir, 'newer.rubric.yaml'), newerRubric);
  writeFileSync(join(dir, 'newer.yaml'), naming(example('brackenford-unitary'), './newer.rubric.yaml'));
  return dir;
}

describe('row 7: a rubric is its id, version and content', () => {
  test('batch: files whose rubrics share an id and version but not their content are refused, naming the files', () => {
    const dir = councils();
    const r = cli(['batch', 'real.yaml', 'other.yaml', 'fake.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'error: these files use different rubrics that share an id: "eight-characteristics" version 1.3.6 from rubric ' +
        'borrowed-id.rubric.yaml (1 file: fake.yaml); "eight-characteristics" version 1.3.6 from the built-in rubric ' +
        "(2 files: other.yaml, real.yaml). Give a changed rubric its own id or version, or score each rubric's files in a separate run\n",
    );
  });

  test('batch: a copy that differs only in comments and layout is the same rubric; the JSON carries its hash', () => {
    const dir = councils();
    const r = cli(['batch', 'real.yaml', 'copied.yaml', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(Object.keys(result.rubric)).toEqual(['id', 'version', 'title', 'hash']);
    expect(result.rubric.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(result.councils.map((c: { file: string }) => c.file)).toEqual(['copied.yaml', 'real.yaml']);
    // The built-in rubric's hash, worked out at build time, is the one the YAML gives.
    const viaCopy = JSON.parse(cli(['batch', 'copied.yaml', '--format', 'json'], { cwd: dir }).stdout);
    expect(viaCopy.rubric.hash).toBe(result.rubric.hash);
    // The assess JSON report's rubric keeps the shape SPEC fixes.
    expect(Object.keys(JSON.parse(cli(['assess', 'real.yaml', '--format', 'json'], { cwd: dir }).stdout).rubric)).toEqual(['id', 'version', 'title']);
  });

  test('merge: shards scored with different content under one id and version are refused', () => {
    const dir = councils();
    expect(cli(['batch', 'real.yaml', '--format', 'json', '--output', 'real.json'], { cwd: dir }).code).toBe(0);
    expect(cli(['batch', 'fake.yaml', '--format', 'json', '--output', 'fake.json'], { cwd: dir }).code).toBe(0);
    expect(cli(['batch', 'newer.yaml', '--format', 'json', '--output', 'newer.json'], { cwd: dir }).code).toBe(0);
    const r = cli(['merge', 'real.json', 'fake.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'error: real.json and fake.json were scored with two different rubrics that share the id "eight-characteristics" and version 1.3.6 ' +
        '(their content differs), so they cannot be merged; merge only the shards of one batch run\n',
    );
    const v = cli(['merge', 'real.json', 'newer.json'], { cwd: dir });
    expect(v.code).toBe(2);
    expect(v.stderr).toBe(
      'error: real.json was scored with rubric "eight-characteristics" version 1.3.6 and newer.json with version 1.4.0, so they cannot be merged; merge only the shards of one batch run\n',
    );
  });

  test('assess --cohort: a cohort of another rubric content, or another version, is refused; an old cohort without a hash is checked by id and version, with a warning', () => {
    const dir = councils();
    expect(cli(['batch', 'real.yaml', 'other.yaml', '--format', 'json', '--output', 'cohort.json'], { cwd: dir }).code).toBe(0);
    const fake = cli(['assess', 'fake.yaml', '--cohort', 'cohort.json'], { cwd: dir });
    expect(fake.code).toBe(2);
    expect(fake.stdout).toBe('');
    expect(fake.stderr).toBe(
      'error: cohort.json is a cohort scored with a rubric "eight-characteristics" version 1.3.6 whose content differs from rubric ' +
        'borrowed-id.rubric.yaml, which fake.yaml was scored with (same id and version, other content), so the council cannot be placed in that cohort\n',
    );
    const newer = cli(['assess', 'newer.yaml', '--cohort', 'cohort.json'], { cwd: dir });
    expect(newer.code).toBe(2);
    expect(newer.stderr).toBe(
      'error: cohort.json is a cohort scored with rubric "eight-characteristics" version 1.3.6, but newer.yaml was scored with version 1.4.0; run the batch again with this version\n',
    );
    expect(cli(['assess', 'copied.yaml', '--cohort', 'cohort.json'], { cwd: dir }).code).toBe(0);

    const old = JSON.parse(readFileSync(join(dir, 'cohort.json'), 'utf8'));
    delete old.rubric.hash;
    writeFileSync(join(dir, 'old.json'), JSON.stringify(old, null, 2));
    const r = cli(['assess', 'real.yaml', '--cohort', 'old.json', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).cohort.count).toBe(2);
    expect(r.stderr).toBe(
      "warning: old.json has no rubric hash (it was written by an older version of council-resilience), so only the rubric's id and version were checked; run its batch again to check the content too\n",
    );
  });
  test('merge: shards from before the hash merge with a warning; one with and one without a hash are refused', () => {
    const dir = councils();
    expect(cli(['batch', 'real.yaml', '--format', 'json', '--output', 'new.json'], { cwd: dir }).code).toBe(0);
    const old = (name: string) => {
      const batch = JSON.parse(cli(['batch', name, '--format', 'json'], { cwd: dir }).stdout);
      delete batch.rubric.hash;
      writeFileSync(join(dir, `old-${name}.json`), JSON.stringify(batch, null, 2));
      return `old-${name}.json`;
    };
    const [a, b] = [old('real.yaml'), old('other.yaml')];
    const both = cli(['merge', a, b], { cwd: dir });
    expect(both.code).toBe(0);
    expect(JSON.parse(both.stdout).councils).toHaveLength(2);
    expect(both.stderr).toBe(
      'warning: these files have no rubric hash (written by an older version of council-resilience), so only their rubric id and version were checked\n',
    );
    const mixed = cli(['merge', 'new.json', b], { cwd: dir });
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toBe(
      "error: old-other.yaml.json has no rubric hash (it was written by an older version of council-resilience), so its rubric cannot be checked against new.json's; run its batch again\n",
    );
  });
});

describe('row 8: batch JSON is checked against schemas/batch.schema.json', () => {
  function cohortJson(): { dir: string; batch: Record<string, unknown> & { councils: unknown[] } } {
    const dir = councils();
    const r = cli(['batch', 'real.yaml', 'other.yaml', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    return { dir, batch: JSON.parse(r.stdout) };
  }

  test('the schema ships, is draft-07 and describes exactly what batch writes', () => {
    const { batch } = cohortJson();
    const schema = JSON.parse(readFileSync(join(root, 'schemas', 'batch.schema.json'), 'utf8'));
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const validate = new Ajv.default({ allErrors: true, strict: true }).compile(schema);
    expect(validate(batch)).toBe(true);
    expect(validate({ ...batch, extra: 1 })).toBe(false);
  });

  test('"high" as a score, a null council and a negative statistic: located errors, exit 2, for merge and --cohort alike', () => {
    const { dir, batch } = cohortJson();
    (batch.councils[1] as Record<string, unknown>).overall = 'high';
    batch.councils.push(null);
    (batch.cohort as { overall: { min: number } }).overall.min = -3;
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(batch, null, 2));
    const expected =
      'bad.json:30:18: councils[1].overall: "high" is not valid here; expected a number from 0 to 100, or null\n' +
      'bad.json:44:5: councils[2]: null is not valid here; expected an object ({...})\n' +
      'bad.json:50:14: cohort.overall.min: -3 is not valid here; expected a number from 0 to 100, or null\n';
    const lines = JSON.stringify(batch, null, 2).split('\n');
    expect(lines[29]).toBe('      "overall": "high",');
    expect(lines[43]).toBe('    null');
    expect(lines[49]).toBe('      "min": -3,');
    const merge = cli(['merge', 'bad.json'], { cwd: dir });
    expect(merge.code).toBe(2);
    expect(merge.stdout).toBe('');
    expect(merge.stderr).toBe(expected);
    const assess = cli(['assess', 'real.yaml', '--cohort', 'bad.json'], { cwd: dir });
    expect(assess.code).toBe(2);
    expect(assess.stdout).toBe('');
    expect(assess.stderr).toBe(expected);
  });

  test('JSON that is cut short or is not a batch output: one located line each, every file reported', () => {
    const { dir, batch } = cohortJson();
    const cut = JSON.stringify(batch, null, 2).slice(0, 60);
    expect(cut.split('\n')[3]).toBe('    "id": "eight-chara'); // cut inside a string: the error is at its end, 4:23
    writeFileSync(join(dir, 'cut.json'), cut);
    writeFileSync(join(dir, 'report.json'), cli(['assess', 'real.yaml', '--format', 'json'], { cwd: dir }).stdout);
    const r = cli(['merge', 'cut.json', 'report.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'cut.json:4:23: is not valid JSON (unterminated string); expected the output of "batch --format json"\n' +
        'report.json:1:1: not the output of "batch --format json"\n',
    );
  });

  test('merge: the same shard given twice, or two copies of it, would double every council: refused naming the inputs and the file', () => {
    const { dir, batch } = cohortJson();
    writeFileSync(join(dir, 'part-1.json'), JSON.stringify(batch, null, 2));
    copyFileSync(join(dir, 'part-1.json'), join(dir, 'copy.json'));
    const twice = cli(['merge', 'part-1.json', './part-1.json'], { cwd: dir });
    expect(twice.code).toBe(2);
    expect(twice.stdout).toBe('');
    expect(twice.stderr).toBe("error: ./part-1.json is given twice (also as part-1.json); give each shard's output once\n");
    const copies = cli(['merge', 'part-1.json', 'copy.json'], { cwd: dir });
    expect(copies.code).toBe(2);
    expect(copies.stdout).toBe('');
    expect(copies.stderr).toBe(
      'error: the council file other.yaml is in both part-1.json and copy.json (and 1 more file like it); each file must be in exactly one shard, so these cannot be merged\n',
    );
  });

  test('a FIFO given to merge or --cohort is refused at once instead of blocking', () => {
    const { dir } = cohortJson();
    expect(spawnSync('mkfifo', [join(dir, 'pipe.json')]).status).toBe(0);
    for (const args of [['merge', 'pipe.json'], ['assess', 'real.yaml', '--cohort', 'pipe.json']]) {
      const r = cli(args, { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('pipe.json:1:1: is not a regular file (a device or pipe); expected a JSON file\n');
    }
  });

  test('a council listed twice inside one batch JSON is a located error', () => {
    const { dir, batch } = cohortJson();
    batch.councils.push(batch.councils[0]);
    writeFileSync(join(dir, 'dup.json'), JSON.stringify(batch, null, 2));
    const r = cli(['merge', 'dup.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('dup.json:45:15: councils[2].file: "other.yaml" is listed twice in this file (first at councils[0]); each council file is scored once\n');
  });
});

describe('row 13: batch inputs', () => {
  test('the same file given twice, or with the folder that holds it, is scored once, in the first form given', () => {
    const dir = councils();
    mkdirSync(join(dir, 'set', 'sub'), { recursive: true });
    copyFileSync(join(dir, 'real.yaml'), join(dir, 'set', 'a.yaml'));
    copyFileSync(join(dir, 'other.yaml'), join(dir, 'set', 'sub', 'b.yaml'));
    const r = cli(['batch', 'set/a.yaml', './set/a.yaml', 'set', './set/sub/b.yaml', 'set/sub', '--format', 'csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.trimEnd().split('\r\n').slice(1).map((l) => l.split(',')[0])).toEqual(['set/a.yaml', 'set/sub/b.yaml']);
  });

  test('a folder that cannot be read is an error naming it (exit 2), not a silent gap in the cohort', () => {
    const dir = councils();
    chmodSync(dir, 0o755);
    mkdirSync(join(dir, 'answers', 'private'), { recursive: true });
    copyFileSync(join(dir, 'real.yaml'), join(dir, 'answers', 'a.yaml'));
    copyFileSync(join(dir, 'other.yaml'), join(dir, 'answers', 'private', 'b.yaml'));
    chmodSync(join(dir, 'answers', 'private'), 0o000);
    try {
      // Root reads any folder whatever its mode (CI containers run as root), so run as "nobody" there.
      const asRoot = process.getuid?.() === 0;
      const r = spawnSync(process.execPath, [bin, 'batch', 'answers', '--format', 'csv'], {
        cwd: dir,
        env: { ...process.env, NO_COLOR: '1' },
        encoding: 'utf8',
        ...(asRoot && { uid: 65534, gid: 65534 }),
      });
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe('error: cannot read answers/private: permission denied; nothing was scored\n');
    } finally {
      chmodSync(join(dir, 'answers', 'private'), 0o755);
    }
  });

  test('a symlink loop in a folder is an error naming it; a symlink to a folder already searched is not searched again', () => {
    const dir = councils();
    mkdirSync(join(dir, 'set'));
    copyFileSync(join(dir, 'real.yaml'), join(dir, 'set', 'a.yaml'));
    symlinkSync('.', join(dir, 'set', 'again'));
    const ok = cli(['batch', 'set', '--format', 'csv'], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(ok.stdout.trimEnd().split('\r\n')).toHaveLength(2);
    symlinkSync('loop.yaml', join(dir, 'set', 'loop.yaml'));
    const r = cli(['batch', 'set', '--format', 'csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('error: cannot read set/loop.yaml: a symlink loop; nothing was scored\n');
  });

  test('a FIFO named like an answers file in a folder is an error naming it, at once (it would hang a reader)', () => {
    const dir = councils();
    mkdirSync(join(dir, 'set'));
    copyFileSync(join(dir, 'real.yaml'), join(dir, 'set', 'a.yaml'));
    expect(spawnSync('mkfifo', [join(dir, 'set', 'pipe.yaml')]).status).toBe(0);
    const r = cli(['batch', 'set', '--format', 'csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('error: cannot read set/pipe.yaml: not a regular file (a FIFO, socket or device); nothing was scored\n');
  });

  test('GITHUB_STEP_SUMMARY naming a missing folder or a folder: a one-line warning, the run goes on with its own exit code', () => {
    const dir = councils();
    for (const [summary, why] of [
      [join(dir, 'missing', 'summary.md'), 'its folder does not exist'],
      [dir, 'it is a folder'],
    ] as const) {
      const r = cli(['batch', 'real.yaml', '--format', 'csv'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
      expect(r.code).toBe(0);
      expect(r.stdout.split('\r\n')[1]).toMatch(/^real\.yaml,Brackenford Borough Council,74\.5,/);
      expect(r.stderr).toBe(`warning: GITHUB_STEP_SUMMARY: cannot append the summary to ${summary}: ${why}\n`);
      expect(cli(['batch', 'real.yaml', '--fail-under', '80'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } }).code).toBe(1);
    }
  });
});
