/**
 * How one specific reading of a failure is told, whatever found it: the clause the finding's title
 * ends with, the likely cause, the next action and the fix. The analyzers take the first reading
 * that explains the failure (see analyzers/exit-code.ts).
 */
export interface ToldReading {
  title: string;
  cause: string;
  action: string;
  fix: string;
  /** The title clause dates the change behind the failure ("its nodes were added 49m ago"). */
  datesChange?: true;
  /** What the reading read beyond the line (a config it names), stated with the finding's evidence. */
  evidence?: readonly string[];
}
