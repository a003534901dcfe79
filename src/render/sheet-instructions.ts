// The Instructions sheet of the spreadsheet template: plain English for council officers who will
// never open a YAML file. Pure: lines of text, one a row.
import { answerChoices, DONT_KNOW, NOT_APPLICABLE } from '../core/sheet-answers.js';
import { scaleMax } from '../core/rubric.js';
import type { Rubric } from '../core/types.js';

export function instructionLines(rubric: Rubric, options: { only?: readonly string[] } = {}): string[] {
  const max = scaleMax(rubric);
  return [
    `How to fill in this self-assessment: ${rubric.title}`,
    '',
    `This workbook holds ${options.only ? `only part of the self-assessment, for you to answer: ${options.only.join(', ')}` : 'every question of the self-assessment'}. Fill it in, save it (keep it as an Excel workbook, .xlsx), and send it back to whoever looks after the assessment. They turn it into the report with the command "council-resilience import".`,
    '',
    '1. The "Council" sheet',
    "Type your council's name in column B, choose its type from the drop-down list, and add the date of the assessment (such as 2026-11-01) and your job title. Please leave the labels in column A and the Rubric row as they are.",
    '',
    '2. The "Answers" sheet: one row for each question',
    'Read the Statement, the Question and What to look for. The columns headed with a level (such as "' + answerChoices(rubric)[Math.min(2, max)] + '") describe what each level looks like for that question.',
    `In the Answer column, choose the level that best describes your council from the drop-down list (${answerChoices(rubric).slice(0, max + 1).join(', ')}).`,
    `Choose "${DONT_KNOW}" if nobody can say yet (it counts as the lowest level and is flagged in the report), or "${NOT_APPLICABLE}" if the question does not apply to your council (it is left out of the scores).`,
    'Leave the Answer empty if you have not answered yet: it is simply left out until someone does.',
    'In Evidence, say where the answer is written down (a strategy, a committee paper, a web page). Type it as you like: it is kept exactly as you type it.',
    'In Confidence, choose low, medium or high: how sure you are of the answer.',
    `In Target (optional), type the level from 1 to ${max} that your council aims for on this question, if it is not the top level.`,
    '',
    'Please keep in mind',
    'Each row is matched to its question by the Key in column A: never change a Key. You may sort or filter the rows, hide columns and make the text bigger; it all imports the same.',
    'Type values, not formulas: a cell that holds a formula (starting with =) is not read, and is reported so it can be typed in.',
    'Do not rename the sheets or the column headings.',
    '',
    'If something is wrong',
    'When the workbook is imported, every mistake is listed, one a line, naming the sheet and the cell, for example:',
    `  leeds.xlsx:Answers!${String.fromCharCode(65 + 5 + rubric.scale.length)}7: intent.strategic-plans: "5 Great" is not on the scale 0-${max}`,
    'means: on the Answers sheet, cell ' + String.fromCharCode(65 + 5 + rubric.scale.length) + '7 (the Answer for intent.strategic-plans) holds something that is not one of the answers in the drop-down list. Correct each cell named and import again.',
  ];
}
