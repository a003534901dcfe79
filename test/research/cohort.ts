// A small cohort for the research tests: two valid councils and one invalid file, answered to cover every kind of answer.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtures, tempDir } from '../helpers.js';

export const RUBRIC = join(fixtures, 'team', 'rows', 'rows.rubric.yaml');

/** Everything that names a council: its name, its file's path, name and stem. */
export const IDENTIFYING = [
  'Leeds City Council', 'Leeds', 'York Council', 'York', 'Badtown Borough', 'Badtown', 'Asa Assessor',
  'answers/a-york.yaml', 'a-york.yaml', 'a-york', 'answers/b-leeds.yaml', 'b-leeds.yaml', 'b-leeds',
  'answers/c-badtown.yaml', 'c-badtown.yaml', 'c-badtown', 'Minutes of 3 May', 'HYPERLINK', 'Plan, ',
];

/** answers/a-york.yaml, answers/b-leeds.yaml (valid) and answers/c-badtown.yaml (invalid); the rubric beside them in rubric/. */
export function researchCohort(): string {
  const dir = tempDir('cr-research-');
  mkdirSync(join(dir, 'answers'));
  mkdirSync(join(dir, 'rubric'));
  copyFileSync(RUBRIC, join(dir, 'rubric', 'rows.rubric.yaml'));
  const head = (name: string, profile: string) => `schemaVersion: 1\nkind: answers\nrubric: ../rubric/rows.rubric.yaml\ncouncil: { name: ${name}${profile} }\n`;
  // York is a county: a3 applies only to unitary councils, so its answer is kept but not scored.
  writeFileSync(
    join(dir, 'answers', 'a-york.yaml'),
    `${head('York Council', ', type: county')}answers:\n  alpha.a1: 1\n  alpha.a3: 2\n  beta.b1: { score: 3, evidence: "Minutes of 3 May", confidence: medium }\n`,
  );
  // Leeds: a number with evidence holding a comma, quotes and a line break; unknown; n/a; formula-like
  // evidence; null; a missing answer; an answer with evidence starting "+".
  writeFileSync(
    join(dir, 'answers', 'b-leeds.yaml'),
    `${head('Leeds City Council', ', type: unitary, region: north')}assessor: Asa Assessor\nanswers:\n` +
      `  alpha.a1: { score: 2, evidence: "Plan, \\"2025\\"\\nsection 3", confidence: high }\n` +
      `  alpha.a2: unknown\n  alpha.a3: n/a\n` +
      `  beta.b1: { score: 1, evidence: "=HYPERLINK(\\"http://x\\")" }\n  beta.b2: null\n`,
  );
  // Badtown: its type is not an option (the message quotes it) and a3 is off the scale.
  writeFileSync(join(dir, 'answers', 'c-badtown.yaml'), `${head('Badtown Borough', ', type: Badtown')}answers:\n  alpha.a3: 9\n`);
  return dir;
}
