// A small cohort of the groups-test rubric whose group statistics are worked out by hand in
// test/research/groups*.test.ts. Each characteristic has one question on a 0-4 scale, so it
// scores 25 x the answer, and the overall score is the mean of alpha and beta.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, tempDir } from '../helpers.js';

export const rubricFile = join(root, 'test', 'fixtures', 'team', 'groups', 'rubric.yaml');

export interface Member {
  file: string;
  name: string;
  type?: string;
  /** The answers to alpha.a1 and beta.b1; none: not assessed (no scores, overall null). */
  answers?: [number, number];
}

/**
 * unitary, odd (7 scored and 1 not scored): alpha 0 25 50 50 75 75 100, beta 0 0 25 50 75 100 100,
 * overall 12.5 37.5 50 50 62.5 62.5 87.5. county, even (4): alpha 0 25 50 100, beta 50 50 50 50,
 * overall 25 37.5 50 75. district, single: alpha 75, beta 25, overall 50. One council with no type: (none).
 */
export const MEMBERS: Member[] = [
  { file: 'c1.yaml', name: 'Ashby County Council', type: 'county', answers: [0, 2] },
  { file: 'c2.yaml', name: 'Brent County Council', type: 'county', answers: [1, 2] },
  { file: 'c3.yaml', name: 'Cole County Council', type: 'county', answers: [2, 2] },
  { file: 'c4.yaml', name: 'Dunn County Council', type: 'county', answers: [4, 2] },
  { file: 'd1.yaml', name: 'Eden District Council', type: 'district', answers: [3, 1] },
  { file: 'n1.yaml', name: 'Fell Council', answers: [2, 2] },
  { file: 'u1.yaml', name: 'Gale Unitary', type: 'unitary', answers: [0, 4] },
  { file: 'u2.yaml', name: 'Hale Unitary', type: 'unitary', answers: [1, 0] },
  { file: 'u3.yaml', name: 'Ince, Kerr and Lowe Council', type: 'unitary', answers: [2, 1] },
  { file: 'u4.yaml', name: 'Mere Unitary', type: 'unitary', answers: [2, 3] },
  { file: 'u5.yaml', name: 'Ness Unitary', type: 'unitary', answers: [3, 2] },
  { file: 'u6.yaml', name: 'Orme Unitary', type: 'unitary', answers: [3, 4] },
  { file: 'u7.yaml', name: 'Penn Unitary', type: 'unitary', answers: [4, 0] },
  { file: 'u8.yaml', name: 'Quay Unitary', type: 'unitary' },
];

export function answersYaml(m: Omit<Member, 'file'>): string {
  const council = [`name: ${JSON.stringify(m.name)}`, ...(m.type ? [`type: ${m.type}`] : [])].join(', ');
  const answers = m.answers ? `  alpha.a1: ${m.answers[0]}\n  beta.b1: ${m.answers[1]}\n` : '  alpha.a1: null\n';
  return `schemaVersion: 1\nkind: answers\nrubric: ${JSON.stringify(rubricFile)}\ncouncil: { ${council} }\nanswers:\n${answers}`;
}

/** A folder holding answers/ with the cohort's files; returns the folder. */
export function writeCohort(members: readonly Member[] = MEMBERS): string {
  const dir = tempDir('cr-groups-');
  const answers = join(dir, 'answers');
  mkdirSync(answers);
  for (const m of members) writeFileSync(join(answers, m.file), answersYaml(m));
  return dir;
}
