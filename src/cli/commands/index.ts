// Every command, in the order --help lists them. A new command is its own module and one line here.
import type { CommandDefinition } from '../command.js';
import { assess } from './assess.js';
import { batch } from './batch.js';
import { compare } from './compare.js';
import { explain } from './explain.js';
import { interview } from './interview.js';
import { merge } from './merge.js';
import { moderate } from './moderate.js';
import { rubrics } from './rubrics.js';
import { template } from './template.js';
import { validate } from './validate.js';

export const COMMANDS: readonly CommandDefinition[] = [assess, interview, moderate, compare, explain, batch, merge, validate, template, rubrics];
