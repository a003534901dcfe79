// An indicator that does not apply to the council is not scored, so combine (like the reports,
// --strict and moderate) keeps its views but never calls it disputed.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers.js';

const officer = (name: string, wardForums: number, coProduction: number) =>
  `schemaVersion: 1\nkind: answers\nrubric: eight-characteristics\ncouncil: { name: Fenbury County Council, type: county }\nassessor: ${name}\nanswers:\n` +
  `  approach.ward-forums: ${wardForums}\n  approach.co-production: ${coProduction}\n`;

test('views three levels apart on an indicator that does not apply to a county are kept, noted as not scored, and not disputed', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'a.yaml'), officer('Head of Communities', 0, 1));
  writeFileSync(join(dir, 'b.yaml'), officer('Head of Finance', 3, 3));
  const out = join(dir, 'combined.yaml');
  const r = cli(['combine', join(dir, 'a.yaml'), join(dir, 'b.yaml'), '--output', out]);
  expect(r.code).toBe(0);
  expect(r.stderr).toContain('2 indicators: 0 agree, 0 differ by one level, 1 disputed: approach.co-production; 1 not applying to this council (kept, not scored): approach.ward-forums\n');
  const text = readFileSync(out, 'utf8');
  expect(text).toContain('  approach.ward-forums:   # does not apply to this council: kept, not scored\n');
  expect(text).toContain('  approach.co-production:   # disputed: views from 1 to 3\n');
  const report = JSON.parse(cli(['assess', out, '--format', 'json']).stdout);
  expect(report.agreement).toMatchObject({ withViews: 2, disputed: 1, settled: 0 });
});
