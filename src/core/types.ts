// The data types, all derived from schemas/ (see scripts/generate.mjs); nothing here is a second copy.
export type {
  Rubric,
  Characteristic,
  Indicator,
  ScaleLevel,
  Band,
  ProfileField,
  AppliesTo,
  LevelText,
} from '../generated/rubric-types.js';
export type { AnswersFile, Answer, AnswerDetail, ScoreValue, Council } from '../generated/answers-types.js';
export type {
  Report,
  CharacteristicResult,
  IndicatorResult,
  Gap,
  OverallResult,
  CouncilInfo,
  RubricInfo,
  AnswerValue,
  CohortPlacement,
  Placement,
  Agreement,
  IndicatorView,
} from '../generated/report-types.js';

import type { Report } from '../generated/report-types.js';

/** What scoring produces: the JSON report without the envelope that names the tool. */
export type Assessment = Omit<Report, 'schemaVersion' | 'tool'> & {
  /** The target level gaps were measured against (the scale's top unless --target). */
  target: number;
  /** The date the answers file gives, passed through for renderers; never the clock. */
  assessedOn?: string;
  assessor?: string;
};
