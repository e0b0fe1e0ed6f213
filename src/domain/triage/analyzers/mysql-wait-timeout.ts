import type { TriageEvidence } from '../evidence.js';
import { findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, severityForPods, unique } from '../pod-status.js';
import { formatAgo } from '../time-span.js';
import { IDLE_ABORT, MIN_MYSQL_CLOSED, findClosedLines, findIdleAges, findMysqlService, findWaitTimeout } from '../mysql-wait-timeout.js';

/** The server's idle aborts before they count: one is a client that went away. */
const MIN_ABORTS = 2;

/** Seconds, as MySQL counts wait_timeout: "74s". */
const formatLimit = (ms: number): string => `${Math.round(ms / 1000)}s`;

/**
 * The workload's MySQL connections fail under it ("Communications link failure … last packet
 * received … ms ago", "No operations allowed after connection closed") because MySQL closed them
 * at its wait_timeout while they sat idle in the client's pool: the server's own log (read one hop
 * away) says so ("Got timeout reading communication packets"), the ConfigMap its pod mounts gives
 * the value and when it changed, and the client's idle ages outlast it. The pods and their revision
 * are not the cause: the fix is the timeout, or the pool's max lifetime below it.
 */
export function analyzeMysqlWaitTimeout(ev: TriageEvidence): Finding[] {
  const db = findMysqlService(ev.pods, ev.target);
  if (!db) return [];
  const closed = findClosedLines(ev.logs, ev.pods);
  if (closed.length < MIN_MYSQL_CLOSED) return [];
  const server = (ev.dependencyPods ?? []).find((d) => d.service === db.service && d.namespace === undefined);
  if (!server) return [];
  const aborts = [...(server.searched ?? []), ...server.logs].flatMap((l) => l.lines).filter((l) => IDLE_ABORT.test(l)).map((l) => l.trim());
  if (aborts.length < MIN_ABORTS) return [];
  const timeout = findWaitTimeout(server.pod, server.config);
  const ownLines = ev.logs.filter((l) => findPod(ev, l.pod) !== undefined).flatMap((l) => l.lines);
  const ages = findIdleAges(ownLines);
  // Ages under the timeout would point elsewhere (a proxy's idle cut, a server restart): only those past it count.
  const past = timeout ? ages.filter((ms) => ms > timeout.seconds * 1000) : ages;
  const pods = unique(closed.map((c) => c.pod));
  const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
  const unready = podObjects.filter((p) => !p.ready).length;
  const changedAt = timeout?.configMap ? ev.namespaceObjects?.find((o) => o.kind === 'ConfigMap' && o.name === timeout.configMap)?.changedAt : undefined;
  const since = changedAt && timeout?.configMap ? ` (ConfigMap ${timeout.configMap} changed ${formatAgo(changedAt, ev.collectedAt)})` : '';
  const setting = timeout ? `wait_timeout = ${timeout.value}${/^\d+$/.test(timeout.value) ? 's' : ''}` : 'wait_timeout';
  const idle = past.length > 0 ? `${formatLimit(Math.min(...past))}${Math.max(...past) > Math.min(...past) ? `–${formatLimit(Math.max(...past))}` : ''}` : undefined;
  const fix = `${timeout?.configMap ? `restore wait_timeout in ConfigMap ${timeout.configMap}` : 'raise wait_timeout'} above the pool's idle lifetime, or retire pooled connections before it (pool max lifetime / keepalive below ${timeout ? formatLimit(timeout.seconds * 1000) : 'it'})`;
  return [{
    id: `mysql-wait-timeout/${db.service}`,
    kind: 'dependency-error',
    title: `MySQL ${db.service} closes connections idle longer than its ${setting}${since}: ${aborts.length} idle aborts in its log${idle ? `; the workload's pool hands out connections idle ${idle}` : ''} — ${closed.length} connection failures under ${pods.length} pod${pods.length === 1 ? '' : 's'}${unready === 0 ? ' (all ready)' : ''}`,
    layer: 'network/routing',
    severity: unready > 0 ? severityForPods(ev, unready) : 'warning',
    confidence: timeout ? 'high' : 'medium',
    evidence: [
      `MySQL ${db.service} (${db.env})`,
      ...aborts.slice(-2).map((l) => `log ${server.pod.name}: ${l}`),
      ...(timeout ? [`${timeout.where} sets ${setting}`] : []),
      ...(changedAt && timeout?.configMap ? [`ConfigMap ${timeout.configMap} changed ${formatAgo(changedAt, ev.collectedAt)}`] : []),
      ...closed.slice(-2).map((c) => `log ${c.pod}: ${c.line}`),
      ...(idle ? [`${past.length} failed connections had sat idle ${idle}, longer than ${timeout ? formatLimit(timeout.seconds * 1000) : 'the timeout'}`] : []),
    ],
    decisive: aborts[aborts.length - 1] ?? '',
    ...(since ? { datesChange: true as const, outsideWorkload: `MySQL closes any connection left idle past ${timeout ? formatLimit(timeout.seconds * 1000) : 'its wait_timeout'}, whatever revision of the client pooled it` } : {}),
    likelyCause:
      `MySQL closes a connection idle longer than wait_timeout${timeout ? ` (${formatLimit(timeout.seconds * 1000)})` : ''} and the client's pool only learns it when it hands that connection to a request, which then fails (Communications link failure, connection closed). ` +
      `The pool keeps idle connections longer than that${idle ? ` (${idle} here)` : ''}. The pods and their revision did not change this: ${since ? 'the timeout was cut lately in the server\'s config' : 'the timeout sits below the pool\'s idle lifetime'}, so a rollback or a restart of the client changes nothing.`,
    nextAction: `Fix the timeout: ${fix}.`,
    fix,
    confirmCommands: [
      formatKubectl(ev.target, `logs ${server.pod.name} --tail=200`),
      ...(timeout?.configMap ? [formatKubectl(ev.target, `get configmap ${timeout.configMap} -o yaml`)] : []),
      formatKubectl(ev.target, `logs ${pods[0] ?? ''} --tail=200`),
    ],
    affected: { pods, nodes: listNodesOf(podObjects), services: [db.service] },
  } satisfies Finding];
}
