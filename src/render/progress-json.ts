import type { ProgressReport } from '../core/progress.js';

/** SPEC "Action plan": the report as it is, numbers unrounded, keys in a fixed order. */
export function renderProgressJson(r: ProgressReport): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}
