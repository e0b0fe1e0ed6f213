import type { TriageEvidence } from '../evidence.js';
import { findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, severityForPods, unique } from '../pod-status.js';
import { formatLimit } from '../statement-timeout.js';
import { formatAgo } from '../time-span.js';
import { CLOSED_BY_SERVER, MIN_CLOSED, findDatabaseService, findIdleWaits, findTerminations, findTimeoutValue } from '../idle-transaction-timeout.js';

/** Terminations in the database's log (or relayed in the workload's) before they count: one is a stray session. */
const MIN_TERMINATIONS = 2;

/**
 * The workload's connections to its Postgres end under it ("server closed the connection
 * unexpectedly") because the database terminates sessions at a timeout — most often
 * idle_in_transaction_session_timeout, newly set, against a client that keeps its transaction open
 * while it waits on a slow external call. The database's own log (read one hop away) names the
 * timeout; its reload line and the ConfigMap it mounts give the value and when it was set; the
 * workload's own log times the waits that outlast it. The pods are healthy and their revision is
 * not the cause: the fix is the transaction's scope in the client, or the timeout for its role.
 */
export function analyzeIdleTransactionTimeout(ev: TriageEvidence): Finding[] {
  const db = findDatabaseService(ev.pods, ev.target);
  if (!db) return [];
  const own = ev.logs.filter((l) => findPod(ev, l.pod) !== undefined);
  const closed = own.filter((l) => l.lines.some((x) => CLOSED_BY_SERVER.test(x)));
  const closedLines = closed.reduce((n, l) => n + l.lines.filter((x) => CLOSED_BY_SERVER.test(x)).length, 0);
  if (closedLines < MIN_CLOSED) return [];
  const server = (ev.dependencyPods ?? []).find((d) => d.service === db.service && d.namespace === undefined);
  const serverLines = server ? [...(server.searched ?? []), ...server.logs].flatMap((l) => l.lines) : [];
  // The database's own words, or the driver relaying them when the database was not read.
  const told = findTerminations(serverLines) ?? findTerminations(own.flatMap((l) => l.lines));
  if (!told || told.lines.length < MIN_TERMINATIONS) return [];
  const { timeout } = told;
  const value = server ? findTimeoutValue({ service: server.service, pod: server.pod, lines: serverLines, ...(server.config ? { config: server.config } : {}) }, timeout.setting) : undefined;
  const waits = value ? findIdleWaits(closed, value.ms) : undefined;
  const fromServer = serverLines.some((l) => timeout.pattern.test(l));
  const pods = unique(closed.map((l) => l.pod));
  const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
  const unready = podObjects.filter((p) => !p.ready).length;
  const limit = value ? formatLimit(value.ms) : undefined;
  const setting = value ? `${timeout.setting} = ${value.value}` : timeout.setting;
  // When it was set: the server's reload line, or the ConfigMap's last change.
  const mapChanged = value?.configMap ? ev.namespaceObjects?.find((o) => o.kind === 'ConfigMap' && o.name === value.configMap)?.changedAt : undefined;
  const since = value?.changed?.at ? ` (set ${formatAgo(value.changed.at, ev.collectedAt)} by a reload)` : mapChanged ? ` (ConfigMap ${value?.configMap ?? ''} changed ${formatAgo(mapChanged, ev.collectedAt)})` : '';
  const waited = waits ? `${formatLimit(waits.minMs)}${waits.maxMs > waits.minMs ? `–${formatLimit(waits.maxMs)}` : ''}` : undefined;
  const raise = `raise ${timeout.setting}${db.user ? ` for role ${db.user} (ALTER ROLE ${db.user} SET ${timeout.setting} = …)` : ''}${value?.configMap ? ` or in ConfigMap ${value.configMap}` : ''}`;
  const scope = timeout.setting === 'idle_session_timeout'
    ? 'retire pooled connections before the database does (a pool idle timeout or max lifetime below it) or check them before use'
    : 'commit before slow external calls — never hold a transaction open across them';
  const fix = `${scope}${waited ? ` (${waited} here)` : ''}; meanwhile ${raise}`;
  return [{
    id: `idle-transaction-timeout/${db.service}`,
    kind: 'dependency-error',
    title: `PostgreSQL ${db.service} ends ${timeout.ends} longer than its ${setting}${since}: ${told.lines.length} terminations${fromServer ? ' in its log' : ''}${waited ? `; the workload holds them open ${waited}` : ''} — connections closed under ${pods.length} pod${pods.length === 1 ? '' : 's'}${unready === 0 ? ' (all ready)' : ''}`,
    layer: 'network/routing',
    severity: unready > 0 ? severityForPods(ev, unready) : 'warning',
    confidence: fromServer ? 'high' : 'medium',
    evidence: [
      `PostgreSQL ${db.service} (${db.env})`,
      ...told.lines.slice(-2).map((l) => `log ${fromServer ? server?.pod.name ?? db.service : 'of the workload'}: ${l}`),
      ...(value?.changed ? [`log ${server?.pod.name ?? db.service}: ${value.changed.line}`] : []),
      ...(value ? [`${value.where} sets ${timeout.setting} = ${value.value}`] : []),
      ...(mapChanged && value?.configMap ? [`ConfigMap ${value.configMap} changed ${formatAgo(mapChanged, ev.collectedAt)}`] : []),
      ...(waits ? [`log ${pods[0] ?? ''}: ${waits.line}`, `${waits.count} waits of ${waited} before the connection closed, longer than ${limit ?? 'the timeout'}`] : []),
      ...closed.slice(-1).flatMap((l) => l.lines.filter((x) => CLOSED_BY_SERVER.test(x)).slice(-1).map((x) => `log ${l.pod}: ${x.trim()}`)),
    ],
    decisive: told.lines[told.lines.length - 1] ?? '',
    // The timeout's own change is dated: it is the trigger, and a rollback of the client undoes nothing of it.
    ...(since ? { datesChange: true as const, outsideWorkload: `the database ends any transaction left idle past ${limit ?? 'its timeout'}, whatever revision of the client opened it` } : {}),
    likelyCause:
      `Postgres ends ${timeout.ends} longer than ${timeout.setting}${limit ? ` (${limit})` : ''}: it terminates the backend, and the client learns it only at its next statement, as a connection closed under it — the work of that transaction is lost and retried. ` +
      `${waited ? `These pods keep their transaction open while they wait ${waited} on something else (the call logged before each failure), longer than the timeout. ` : 'These pods keep a transaction open longer than that while they wait on something else. '}` +
      `The database and the pods are healthy and their revision did not change this: the timeout${since ? ' was set lately' : ''} against how the client scopes its transactions, so a rollback or a restart changes nothing.`,
    nextAction: `Fix the transaction scope in the client: ${fix}.`,
    fix,
    confirmCommands: [
      ...(server ? [formatKubectl(ev.target, `logs ${server.pod.name} --tail=200`)] : []),
      formatKubectl(ev.target, `logs ${pods[0] ?? ''} --tail=200`),
    ],
    affected: { pods, nodes: listNodesOf(podObjects), services: [db.service] },
  } satisfies Finding];
}
