// Every command, in the order --help lists them. A new command is its own module and one line here.
import type { CommandDefinition } from '../command.js';
import { assess } from './assess.js';
import { batch } from './batch.js';
import { combine } from './combine.js';
import { compare } from './compare.js';
import { explain } from './explain.js';
import { interview } from './interview.js';
import { merge } from './merge.js';
import { moderate } from './moderate.js';
import { plan } from './plan.js';
import { progress } from './progress.js';
import { rubrics } from './rubrics.js';
import { template } from './template.js';
import { validate } from './validate.js';

export const COMMANDS: readonly CommandDefinition[] = [
  assess,
  interview,
  combine,
  moderate,
  compare,
  explain,
  plan,
  progress,
  batch,
  merge,
  validate,
  template,
  rubrics,
];
