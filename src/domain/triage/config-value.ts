/**
 * A process that dies parsing a value ("For input string: "5432\n"", "invalid literal for int()
 * with base 10: '30s'", `strconv.Atoi: parsing "8O80"`) was handed a bad setting. The value
 * usually comes from the environment, and the variables fed from a Secret or a ConfigMap are
 * the ones that change without a rollout: name the candidates whose name fits the value.
 */
import type { ContainerSpecEvidence } from './evidence.js';

/** The quoted value of a parse failure in the common runtimes' words. */
const PARSE_FAILURES = [
  // Java prints the value raw between quotes, quotes inside it included: up to the last quote.
  /For input string: "(.*)"\s*$/,
  /NumberFormatException: For input string: "((?:[^"\\]|\\.)*)"/,
  /For input string: "((?:[^"\\]|\\.)*)"/,
  /invalid literal for (?:int|float)\(\)(?: with base \d+)?: '((?:[^'\\]|\\.)*)'/,
  /strconv\.(?:Atoi|ParseInt|ParseFloat|ParseBool|ParseUint): parsing "((?:[^"\\]|\\.)*)"/,
  /could not convert string to float: '((?:[^'\\]|\\.)*)'/,
  /invalid (?:port|number|duration|value)[^"']*["']((?:[^"'\\]|\\.)*)["']/i,
];

/** Words in the names of settings that hold numbers, as whole parts of the name (DB_PORT, not REPORT_BUCKET). */
const NUMERIC_NAME = /(^|_)(PORT|TIMEOUT|SIZE|COUNT|MAX|MIN|LIMIT|NUM|NUMBER|INTERVAL|TTL|WORKERS|THREADS|RETRIES|POOL|SECONDS|MS|MINUTES|DELAY)(_|$)/i;

export interface BadValue {
  /** The value as the process saw it, control characters shown (`5432\n`). */
  value: string;
  /** What is visibly wrong with it, when something is: "a trailing newline". */
  flaw?: string;
  /** Env vars fed from a Secret or ConfigMap that could carry it: "DB_PORT (Secret stock-db, key port)". */
  sources: string[];
}

function describeFlaw(value: string): string | undefined {
  if (/\\n$|\n$/.test(value)) return 'a trailing newline';
  if (/\\r$|\r$/.test(value)) return 'a trailing carriage return';
  if (/^\s|\s$/.test(value)) return 'surrounding whitespace';
  if (/^(["']).*\1$/.test(value)) return 'quotes around it';
  return undefined;
}

/** Control characters as escapes, the way the value is written back: `30\r`, `5432\n`. */
export function showControls(text: string): string {
  return text.replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
}

export function findBadValue(line: string, container: ContainerSpecEvidence | undefined): BadValue | undefined {
  const raw = PARSE_FAILURES.map((re) => re.exec(line)?.[1]).find((v) => v !== undefined);
  if (raw === undefined) return undefined;
  const value = showControls(raw);
  // A quoted number ('"5432"') is still a number that came from somewhere.
  const numeric = /^\s*[\d.]+/.test(value.replace(/\\[nrt]/g, '').replace(/^\s*(["'])(.*)\1\s*$/, '$2'));
  const sources = (container?.env ?? []).flatMap((e) => {
    if (!('ref' in e) || (e.ref.kind !== 'secret' && e.ref.kind !== 'configMap')) return [];
    if (numeric && !NUMERIC_NAME.test(e.name)) return [];
    return [`${e.name} (${e.ref.kind === 'secret' ? 'Secret' : 'ConfigMap'} ${e.ref.name ?? '?'}${e.ref.key ? `, key ${e.ref.key}` : ''})`];
  });
  const flaw = describeFlaw(value);
  return { value, ...(flaw ? { flaw } : {}), sources: numeric ? sources : [] };
}
