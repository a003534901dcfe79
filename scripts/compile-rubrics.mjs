// Build step, after tsc: checks every built-in rubric as `validate` would and writes a JSON copy to
// dist/rubrics/, tagged with a hash of its YAML text and carrying the rubric's own content hash
// (rubricHash), so commands start without parsing it or hashing it (see src/io/compiled-rubrics.ts).
// A rubric with a mistake fails the build with its located message.
import { mkdirSync, writeFileSync } from 'node:fs';
import { builtinRubricIds, builtinRubricPath, compiledRubricsDir } from '../dist/io/builtin.js';
import { compiledRubricPath, rubricHash, textHash } from '../dist/io/compiled-rubrics.js';
import { formatProblem, InputError } from '../dist/core/errors.js';
import { rubricFromParsed } from '../dist/io/load.js';
import { readTextFile } from '../dist/io/source.js';
import { parseYaml } from '../dist/io/yaml.js';

mkdirSync(compiledRubricsDir, { recursive: true });
for (const id of builtinRubricIds()) {
  const file = builtinRubricPath(id);
  const text = readTextFile(file);
  try {
    const rubric = rubricFromParsed(parseYaml(file, text));
    writeFileSync(compiledRubricPath(file), JSON.stringify({ sha256: textHash(text), hash: rubricHash(rubric), rubric }));
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    for (const problem of err.problems) console.error(formatProblem(problem));
    process.exit(1);
  }
}
