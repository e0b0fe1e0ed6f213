/**
 * The workload performs requests twice (its log: a duplicate charge, an idempotency key seen again)
 * while the nginx in front of it is set to replay non-idempotent requests on the next upstream
 * (`proxy_next_upstream … non_idempotent`): a POST that outlasts proxy_read_timeout, or errors, is
 * sent again to another pod, which performs it a second time. The workload is healthy; the proxy's
 * retry setting is the cause. See ../evidence-replaying-proxy.ts.
 */
import type { TriageEvidence } from '../evidence.js';
import { DUPLICATE_REQUEST } from '../evidence-replaying-proxy.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { readLineTime } from '../request-silence.js';
import { earliest } from '../time-span.js';

export function analyzeProxyReplaysNonIdempotent(ev: TriageEvidence): Finding[] {
  const proxy = ev.replayingProxy;
  if (proxy === undefined) return [];
  const hits = ev.logs.filter((l) => !l.previous).flatMap((l) => l.lines.filter((x) => DUPLICATE_REQUEST.test(x)).map((line) => ({ pod: l.pod, line: line.trim() })));
  if (hits.length === 0) return [];
  const who = ev.target.name;
  const pods = [...new Set(hits.map((h) => h.pod))];
  const timeout = proxy.readTimeout ? ` (proxy_read_timeout ${proxy.readTimeout})` : '';
  const revision = proxy.revision !== undefined ? ` revision ${proxy.revision}` : '';
  const onset = earliest(hits.map((h) => readLineTime(h.line)));
  return [{
    id: `dependency-error/proxy-replays-non-idempotent/${proxy.deployment}`,
    kind: 'dependency-error',
    layer: 'network/routing',
    severity: 'critical',
    confidence: 'high',
    title: `${proxy.deployment} in front of ${who} replays timed-out POSTs to another pod (\`${proxy.retryLine}\` in ConfigMap ${proxy.configMap}${timeout}): ${who} performs them twice — ${hits.length} duplicate-request error${hits.length === 1 ? '' : 's'} in its log`,
    decisive: hits.at(-1)?.line ?? '',
    ...(onset ? { onset } : {}),
    evidence: [
      `ConfigMap ${proxy.configMap} (key ${proxy.key}) of Deployment ${proxy.deployment}${revision}: ${proxy.retryLine}${proxy.readTimeout ? `; proxy_read_timeout ${proxy.readTimeout}` : ''}`,
      ...(proxy.changeCause ? [`${proxy.deployment}${revision} change-cause: ${proxy.changeCause}`] : []),
      ...hits.slice(-2).map((h) => `log ${h.pod}: ${h.line}`),
    ],
    likelyCause: `nginx retries a request on the next upstream when the first times out or errors; with non_idempotent it does so for POST too. A POST that outlasts the read timeout has usually been performed already, so the replay performs it a second time on another ${who} pod (duplicate charges). ${who} itself is healthy.`,
    nextAction: `Remove non_idempotent from proxy_next_upstream in ${proxy.configMap} and raise proxy_read_timeout above the slowest legitimate request; find and reverse the duplicates ${who} logged.`,
    fix: `remove non_idempotent from proxy_next_upstream in ${proxy.configMap} (and raise proxy_read_timeout); reverse the duplicates`,
    outsideWorkload: `the nginx Deployment ${proxy.deployment} in front of ${who}: its retry setting, not ${who}, sends the requests twice`,
    affected: { pods, nodes: [] },
    confirmCommands: [formatKubectl(ev.target, `get configmap ${proxy.configMap} -o yaml`), ...pods.slice(0, 1).map((p) => formatKubectl(ev.target, `logs ${p} --tail=200`))],
  }];
}
