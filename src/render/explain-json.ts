// `explain --format json`: the Explanation with its envelope, numbers unrounded (schemas/explain.schema.json).
import type { Explanation } from '../core/explain.js';

export function renderExplainJson(e: Explanation, toolVersion: string): string {
  return `${JSON.stringify({ schemaVersion: 1, tool: { name: 'council-resilience', version: toolVersion }, ...e }, null, 2)}\n`;
}
