// Copies of the built-in rubric for tests of rubric identity: one that borrows its id with other
// content, a newer version of that, and one that differs only in comments and layout.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './helpers.js';

export const builtinRubric = readFileSync(join(root, 'rubrics', 'eight-characteristics.yaml'), 'utf8');
export const exampleAnswers = (name: string) => readFileSync(join(root, 'examples', `${name}.answers.yaml`), 'utf8');
/** An answers file's text with its `rubric:` line pointing elsewhere. */
export const naming = (text: string, rubric: string) => text.replace(/^rubric: .*$/m, `rubric: ${rubric}`);

/** Same id and version as the built-in rubric, one weight changed: another rubric in all but name. */
export const borrowedIdRubric = builtinRubric.replace(/^(    weight: )1$/m, '$12');
if (borrowedIdRubric === builtinRubric) throw new Error('the built-in rubric has no weight of 1 to change');
/** The borrowed rubric under a new version number. */
export const newerRubric = borrowedIdRubric.replace(/^version: 1\.3\.6$/m, 'version: 1.4.0');
/** The built-in rubric reformatted: the same rubric. */
export const reformattedRubric = (comment: string, quoted: string) =>
  `# ${comment}\n${builtinRubric.replace(/^version: 1\.3\.6$/m, `version: ${quoted}`)}`;
