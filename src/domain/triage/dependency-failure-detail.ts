/**
 * A structured client line condensed to its message and context can lose the field that says why
 * the call failed: `"msg":"lookup failed","url":"…","body":"upstream connect error … transport
 * failure reason: TLS_error:…WRONG_VERSION_NUMBER"` becomes "lookup failed (url …)", and the
 * decisive words — the ones the failure was read from — are gone from the quote. The condensed
 * line keeps them: the shortest clause of that field that still reports the same failure.
 */
import { type DependencyProblem, parseDependencyError } from './dependency-error-line.js';
import { condenseStructuredLine } from './evidence-lookup.js';

/** A clause longer than this is cut: the quote is a line, not the whole body. */
const MAX_DETAIL = 200;

/** The line as a person reads it, with the words of `problem` kept when condensing dropped them. */
export function condenseKeepingFailure(line: string, problem: DependencyProblem): string {
  const told = condenseStructuredLine(line);
  if (told === line || parseDependencyError(told)?.problem === problem) return told;
  const detail = findFailureDetail(line, problem);
  if (detail === undefined) return told;
  // "message (url …)": the reason goes after the message, before the context in parentheses.
  const at = told.lastIndexOf(' (');
  return at > 0 && told.endsWith(')') ? `${told.slice(0, at)}: ${detail}${told.slice(at)}` : `${told}: ${detail}`;
}

/** The shortest clause of a field (JSON or logfmt) that reports `problem`, if a field does. */
function findFailureDetail(line: string, problem: DependencyProblem): string | undefined {
  for (const value of readFieldValues(line.trim())) {
    if (parseDependencyError(value)?.problem !== problem) continue;
    // Proxies chain their reasons ("… before headers. reset reason: …, transport failure reason: …"): the last that still says it.
    const clauses = value.split(/(?<=[.,;])\s+/);
    for (let i = clauses.length - 1; i >= 0; i--) {
      const tail = clauses.slice(i).join(' ');
      if (parseDependencyError(tail)?.problem === problem) return tail.length > MAX_DETAIL ? `${tail.slice(0, MAX_DETAIL)}…` : tail;
    }
  }
  return undefined;
}

/** The string values of a JSON record (one level of nesting) or of a logfmt line's key=value pairs. */
function readFieldValues(t: string): string[] {
  if (t.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(t);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return [];
      return Object.values(parsed as Record<string, unknown>).flatMap((v) =>
        typeof v === 'string' ? [v] : v !== null && typeof v === 'object' ? Object.values(v as Record<string, unknown>).filter((x): x is string => typeof x === 'string') : []);
    } catch {
      return [];
    }
  }
  return [...t.matchAll(/(\w+)=("(?:[^"\\]|\\.)*"|\S+)/g)].map((m) => (m[2] ?? '').replace(/^"|"$/g, '').replace(/\\"/g, '"'));
}
