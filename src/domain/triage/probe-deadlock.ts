/**
 * A probe that times out against an app whose runtime reports a deadlock: the probe reached the
 * app and waited (a timeout, not a refusal or a 404), and the app did not answer because its
 * threads wait on each other's locks. The probe is right; the fix is the lock order in the code
 * (or a rollback of the release that changed it), never the probe's port, path or timeout.
 */
import { capitalize, joinAnd } from '../text.js';
import type { LogEvidence } from './evidence.js';
import type { ProbeMiss } from './probe-miss.js';
import { describeCycle, findDeadlockReport } from './thread-deadlock.js';

/** The kubelet's words for a probe that got no answer in time. */
const TIMED_OUT = /timeout|deadline exceeded|timed out/i;

export function explainDeadlockedProbe(probeName: string, messages: string, logs: readonly LogEvidence[], container: string, podCount: number): ProbeMiss | undefined {
  if (!TIMED_OUT.test(messages)) return undefined;
  const r = findDeadlockReport(logs);
  if (r === undefined) return undefined;
  const cycle = describeCycle(r);
  const threads = r.runtime === 'JVM' ? `threads ${joinAnd(r.threads)}` : 'every goroutine';
  const each = r.threads.length > 2 ? 'wait on each other\'s locks in a cycle' : 'wait on each other\'s locks';
  const where = `the ${r.previous ? 'previous ' : ''}log of ${r.pods.length}/${podCount} killed pod${podCount === 1 ? '' : 's'}`;
  const order = r.locks.length >= 2 ? ` (${joinAnd(r.locks)} are taken in ${r.locks.length === 2 ? 'opposite' : 'different'} orders)` : '';
  const fix = r.runtime === 'JVM'
    ? `fix the lock order in the app${order}; the probe's port and path are right`
    : 'fix the goroutines that wait on each other (the stacks under the fatal error in its log say where); the probe\'s port and path are right';
  return {
    scope: `the app deadlocks (${threads} ${r.runtime === 'JVM' ? each : 'are asleep'}), so it stops answering and the probe times out`,
    why: `${container} deadlocks: ${r.runtime === 'JVM' ? 'the JVM\'s thread dump' : 'the Go runtime'} in ${where} reports "${r.header}" — ${cycle}. ` +
      `Every other thread that needs those locks blocks behind them, so the app stops answering and the ${probeName} probe times out: the probe reaches the app (a timeout, not a refusal), ` +
      `so its port and path are right, and a longer timeout would only delay the kill`,
    fix,
    action: `${capitalize(fix)}. Restarting only buys time until the next deadlock, and relaxing the ${probeName} probe would keep a hung pod in service longer.`,
    decisive: `${r.header} ${cycle}`,
    evidence: [`${where}: "${r.header}" ${cycle}`],
  };
}
