/** The few text effects the text report uses; the CLI maps them to chalk, tests and files use `plain`. */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  heading(text: string): string;
  /** Colour for a score from 0 to 100 (red, amber, green as it rises). */
  score(text: string, score: number | null): string;
  warn(text: string): string;
}

const same = (text: string) => text;

export const plain: Style = {
  bold: same,
  dim: same,
  heading: same,
  score: same,
  warn: same,
};
