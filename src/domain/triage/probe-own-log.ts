/**
 * A probe that fails without saying why (an exec probe's `test -s /vault/secrets/config.env`, a
 * kubelet message that ends at "probe failed:") checks something the container itself should
 * bring about: a file rendered, a login done, a port opened. When it never does, the container's
 * own log says why — a refused login, a missing role, a bad address — and that log, not the probe,
 * is what to fix: relaxing the probe would only wait longer for a step that fails.
 */
import { capitalize, truncate } from '../text.js';
import type { LogEvidence, ProbeEvidence } from './evidence.js';
import { condenseStructuredLine, condenseTracingLine, pickDecisiveLine } from './evidence-lookup.js';
import type { ProbeMiss } from './probe-miss.js';

/** A kubelet message with nothing after "probe failed:" (an exec probe that printed nothing). */
const BARE_FAILURE = /^(Liveness|Startup|Readiness) probe (failed|errored):?\s*$/i;
/** A line that reports a failure, not progress. */
const ERROR_LINE = /\b(error|errors|failed|failure|denied|invalid|refused|unable|cannot|forbidden|unauthori[sz]ed|not found|no such|timed? ?out|fatal|panic)\b/i;
/** A JVM exception's own line (`java.io.IOException: Packet len 1100345 is out of range!`): an error whatever words it uses. */
const JVM_EXCEPTION = /^\s*(?:Caused by: )?(?:[a-z_$][\w$]*\.){2,}[A-Z][\w$]*(?:Exception|Error)(?::|$)/;
const isOwnError = (line: string): boolean => ERROR_LINE.test(line) || JVM_EXCEPTION.test(line);
/** A refused login: the container presents an identity and the other side says no. */
const LOGIN_REFUSED = /\b(authenticat\w*|login|log in|invalid role|role \S+ not found|unauthori[sz]ed|invalid (token|credentials|jwt))\b/i;

/**
 * Why the probed container never gets there, from its own log; undefined when the probe's own
 * messages say why (the other readings handle those) or the log names no error.
 */
export function explainByOwnLog(probe: ProbeEvidence | undefined, messages: readonly string[], logs: readonly LogEvidence[], container: string): ProbeMiss | undefined {
  const silent = messages.length > 0 && messages.every((m) => BARE_FAILURE.test(m.replace(/\s+/g, ' ').trim()));
  // An exec probe that timed out says why itself (a slow check); one that found nothing defers to the log.
  const timedOut = messages.some((m) => /timed out|timeout|deadline exceeded/i.test(m));
  if (!silent && (probe?.type !== 'exec' || timedOut)) return undefined;
  // The current run first: it shows what the container is stuck on now.
  const ordered = [...logs].sort((a, b) => Number(a.previous === true) - Number(b.previous === true));
  for (const log of ordered) {
    const errors = log.lines.filter((l) => l.trim() !== '' && ERROR_LINE.test(l)).slice(-12);
    if (errors.length === 0) continue;
    // An indented detail under an error header ("  | * invalid role name …") is the cause the header announces.
    const last = errors.at(-1) ?? '';
    const line = /^\s+[|*-]?\s*\S/.test(last) && !/:\s*$/.test(last) ? condenseStructuredLine(last.trim()) : pickDecisiveLine(errors);
    if (line === undefined) continue;
    const quoted = line.replace(/^[|*\s-]+/, '').slice(0, 160);
    const login = errors.some((l) => LOGIN_REFUSED.test(l));
    const checks = probe?.type === 'exec' && probe.command ? ` (\`${probe.command}\`)` : '';
    const fix = `fix what ${container}'s log names ("${quoted}")${login ? ': the identity or role it logs in with' : ''}`;
    return {
      decisive: quoted,
      scope: `its log says "${quoted}"${login ? ' (its login is refused)' : ''}`,
      why: `the probe${checks} waits for something ${container} itself has to bring about, and its log says why it never does: "${quoted}"${login ? ' — its login is refused, so nothing it fetches after the login ever arrives' : ''}. A longer probe would only wait longer`,
      fix,
      action: `${capitalize(fix)}; relaxing the probe would only wait longer, and restarting pods will not help.`,
    };
  }
  return undefined;
}

/**
 * A readiness endpoint that answers 5xx reports the app unable to serve, and the unready
 * container's current log usually says why in its last error (a dependency refusing it: "ERR max
 * number of clients reached"; a mesh proxy refused its identity: "invalid peer certificate:
 * Expired" — a proxy logs that at WARN). Only the current run: a previous run's error is history.
 * Undefined when no line of it names an error.
 */
export function findOwnLogError(logs: readonly LogEvidence[]): string | undefined {
  for (const log of logs.filter((l) => !l.previous)) {
    // Told by its message first: a tracing line's spans can push its error past any clip.
    const errors = log.lines.filter((l) => l.trim() !== '' && isOwnError(l) && !/^\s+at /.test(l)).slice(-12).map(condenseTracingLine);
    const line = errors.length > 0 ? pickDecisiveLine(errors) : undefined;
    // "Caused by: " is the trace's framing, not the error: the exception and its message are the quote.
    if (line !== undefined && isOwnError(line)) return truncate(line.replace(/^\s*Caused by:\s*/, ''), 200);
  }
  return undefined;
}
