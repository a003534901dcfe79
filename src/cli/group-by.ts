// batch --group-by FIELD [--groups FILE.csv]: which councils are in which group. A column of the
// groups file is looked up by council name once the files are scored; a profile field is read by
// the scoring threads from each answers file, and checked against the rubric as soon as it is known.
import type { BatchRow } from '../core/batch.js';
import { InputError, UsageError } from '../core/errors.js';
import { loadAnswers } from '../io/load.js';
import { councilKey, groupColumn, profileGroup, withGroup } from '../core/groups.js';
import { rubricName } from '../core/rubric-identity.js';
import { visible } from '../core/visible.js';
import type { GroupsFile } from '../io/groups-file.js';
import { groupValue, readGroupsFile } from '../io/groups-file.js';
import type { Rubric } from '../core/types.js';

/** What grouping needs of a loaded rubric. */
type LoadedRubric = { rubric: Rubric };
import { warn } from './output.js';

export interface Grouping {
  /** The profile field the scoring threads read from each council's answers, when FIELD is not a column. */
  profileField?: string;
  /** Refuses a FIELD that is neither a column nor a field of this rubric's profile. */
  check(loaded: LoadedRubric): void;
  /**
   * Without --rubric, checks FIELD against the rubric the first answers file names, so a typo is
   * refused before thousands of files are scored (a first file that cannot be read is left to the run).
   */
  checkFirst(file: string | undefined): Promise<void>;
  /** The rows, each with its group value, and the field they are grouped by. */
  finish(loaded: LoadedRubric, rows: BatchRow[], warnUnlisted: boolean): { field: string; rows: BatchRow[] };
}

/** Reads and checks the groups file (before any scoring), or undefined without --group-by. */
export function startGrouping(options: { groupBy?: string; groups?: string }): Grouping | undefined {
  const file = options.groups === undefined ? undefined : readGroupsFile(options.groups);
  if (options.groupBy === undefined) {
    if (!file) return undefined;
    const columns = file.columns.length === 0 ? 'it has no column but council' : `its columns: ${file.columns.join(', ')}`;
    throw new UsageError(`--groups ${visible(file.file)} needs --group-by naming the column to group the councils by (${columns})`);
  }
  const field = options.groupBy;
  const column = groupColumn(field, file);
  const profileIds = (loaded: LoadedRubric) => (loaded.rubric.profile ?? []).map((p) => p.id);
  const check = (loaded: LoadedRubric) => profileGroup(field, profileIds(loaded), rubricName(loaded.rubric), file);
  if (column && file) {
    return {
      check: () => undefined,
      checkFirst: async () => undefined,
      finish: (_, rows, warnUnlisted) => {
        if (warnUnlisted) warnNotInBatch(file, rows);
        return { field: column.field, rows: rows.map((r) => withGroup(r, groupValue(file, column.field, r.council))) };
      },
    };
  }
  return {
    profileField: field,
    check,
    checkFirst: async (first) => {
      if (first === undefined) return;
      let loaded: LoadedRubric;
      try {
        loaded = (await loadAnswers(first)).rubric;
      } catch (err) {
        if (err instanceof InputError || err instanceof UsageError) return;
        throw err;
      }
      check(loaded);
    },
    finish: (loaded, rows) => {
      check(loaded);
      return { field, rows };
    },
  };
}

/** Names in the groups file that match no council scored: usually a spelling to fix. One line. */
function warnNotInBatch(file: GroupsFile, rows: readonly BatchRow[]): void {
  const scored = new Set(rows.map((r) => councilKey(r.council)));
  const missing = [...file.councils].filter(([key]) => !scored.has(key));
  if (missing.length === 0) return;
  const [, first] = missing[0]!;
  const more = missing.length > 1 ? ` and ${missing.length - 1} more` : '';
  warn(`warning: ${visible(file.file)}:${first.line}: names a council that is not in this batch${more}; check its spelling against the answers files' council names`);
}
