import { needsSettling } from './agreement.js';
import { EPSILON } from './score.js';
import type { Assessment } from './types.js';

export interface Policy {
  /** Fail when the overall score is below this (0-100), or null. */
  failUnder?: number;
  /** Fail when any applicable indicator is not assessed, or any disputed indicator is not settled. */
  strict?: boolean;
}

/** Why the policy failed, one sentence each; empty when it passed. */
export function policyFailures(assessment: Assessment, policy: Policy): string[] {
  const failures: string[] = [];
  const score = assessment.overall.score;
  if (policy.failUnder !== undefined) {
    if (score === null) failures.push(`no overall score (nothing was scored); --fail-under ${policy.failUnder} needs one`);
    else if (score + EPSILON < policy.failUnder) {
      // One decimal can round a failing 49.96 up to "50.0"; show enough digits to make the failure visible.
      const shown = Number(score.toFixed(1)) < policy.failUnder ? score.toFixed(1) : String(score);
      failures.push(`overall score ${shown} is below --fail-under ${policy.failUnder}`);
    }
  }
  if (policy.strict && assessment.notAssessed.length > 0) {
    const n = assessment.notAssessed.length;
    failures.push(`--strict: ${n} applicable indicator${n === 1 ? ' is' : 's are'} not assessed`);
  }
  if (policy.strict) {
    // SPEC "Several assessors": a combined file's disputes must be settled (each given agreed: with a reason);
    // needsSettling is the rule the reports and moderate use too.
    const keys = assessment.characteristics.flatMap((c) => c.indicators).filter(needsSettling).map((i) => i.key);
    if (keys.length > 0) {
      const one = keys.length === 1;
      failures.push(
        `--strict: ${keys.length} disputed indicator${one ? ' is' : 's are'} not settled: ${keys.join(', ')} ` +
          `(settle ${one ? 'it' : 'them'} with moderate, or give ${one ? 'its answer' : 'each answer'} an agreed: reason)`,
      );
    }
  }
  return failures;
}
