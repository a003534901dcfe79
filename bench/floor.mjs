// The floor batch is measured against: read and YAML-parse every file, in one thread of one process.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

const dir = process.argv[2];
let n = 0;
for (const name of readdirSync(dir).sort()) {
  const doc = parseDocument(readFileSync(join(dir, name), 'utf8'));
  if (doc.toJS()) n++;
}
process.stdout.write(`${n}\n`);
