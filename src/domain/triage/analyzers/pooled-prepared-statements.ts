import type { TriageEvidence } from '../evidence.js';
import { findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { formatPodShare, listNodesOf, unique } from '../pod-status.js';
import { describeClientFix, findPoolerRoute, readPoolMode, readPreparedStatementErrors } from '../pooled-prepared-statements.js';
import type { PreparedStatementErrors } from '../pooled-prepared-statements.js';
import { findErrorsSinceStart } from '../errors-since-start.js';
import { earliest } from '../time-span.js';

/** One line may be a stray race; the same error again is how requests end through the pool. */
const MIN_LINES = 2;

/**
 * Queries that fail because the client's server-side prepared statements are not where it
 * prepared them: the signature of a transaction-mode pooler (PgBouncer) between the pods and
 * Postgres. The pods stay Ready and the pooler serves; the fix is in the client's statement mode
 * or the pooler's pool mode, and a revision that pointed the URL at the pooler is the trigger.
 */
export function analyzePooledPreparedStatements(ev: TriageEvidence): Finding[] {
  const hits: { pod: string; container: string; errors: PreparedStatementErrors }[] = [];
  for (const log of ev.logs) {
    if (log.previous || findPod(ev, log.pod) === undefined) continue;
    const errors = readPreparedStatementErrors(log.lines);
    if (errors !== undefined) hits.push({ pod: log.pod, container: log.container, errors });
  }
  const first = hits[0];
  if (first === undefined || hits.reduce((n, h) => n + h.errors.count, 0) < MIN_LINES) return [];
  const pods = unique(hits.map((h) => h.pod));
  const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
  // The database's words without its severity prefix: the title quotes them, the headline need not again.
  const bare = (q: string | undefined) => q?.replace(/^ERROR:\s+/, '');
  const already = bare(hits.find((h) => h.errors.already)?.errors.already);
  const missing = bare(hits.find((h) => h.errors.missing)?.errors.missing);
  const quotes = [already && `${already} (42P05)`, missing && `${missing} (26000)`].filter(Boolean).join(' and ');
  const client = hits.find((h) => h.errors.client)?.errors.client;
  const route = findPoolerRoute(podObjects.flatMap((p) => p.containers), ev.services);
  const mode = route ? readPoolMode(ev, route) : undefined;
  const onset = findErrorsSinceStart(ev, podObjects) ?? earliest(hits.flatMap((h) => h.errors.since ?? []));
  const share = formatPodShare(ev, pods.length);
  const clientFix = describeClientFix(client);
  const evidence = [
    ...hits.slice(0, 3).map((h) => `log ${h.pod}: ${h.errors.count} line${h.errors.count === 1 ? '' : 's'} say ${[h.errors.already, h.errors.missing].filter(Boolean).join(' or ')}`),
    ...(route ? [`env ${route.env} leads to ${route.host}${route.port !== undefined ? `:${route.port}` : ''} (${route.product})`] : []),
    ...(mode ? [`${mode.where}: pool_mode = ${mode.mode}`] : []),
  ];
  const confirm = [formatKubectl(ev.target, `logs ${first.pod} -c ${first.container} --tail=200`)];
  const sessionSafe = mode !== undefined && mode.mode === 'session';

  if (route !== undefined && !sessionSafe) {
    const bouncer = route.product === 'PgBouncer';
    const where = `${route.product} (${route.host}${route.port !== undefined ? `:${route.port}` : ''}, ${route.env})`;
    const pooling = mode !== undefined ? `pool_mode = ${mode.mode}` : 'transaction pooling (the only mode that gives these errors)';
    const poolerFix = bouncer ? 'or run PgBouncer in session pooling, or PgBouncer ≥ 1.21 with max_prepared_statements set' : 'or run the pooler in session mode';
    return [{
      id: `dependency-error/pooled-prepared-statements/${route.host}`,
      kind: 'dependency-error',
      title: `Queries fail on ${share}: ${quotes} — server-side prepared statements through ${where} in ${pooling}`,
      layer: 'container/process',
      severity: 'warning',
      confidence: mode !== undefined ? 'high' : 'medium',
      evidence,
      decisive: already ?? missing ?? '',
      ...(onset !== undefined ? { onset } : {}),
      likelyCause:
        `The pods reach Postgres through ${where}${mode ? `, which runs pool_mode = ${mode.mode} (${mode.where})` : ''}. ${client ?? 'The client'} prepares named statements on the server${client === 'pgjdbc' ? ' (after prepareThreshold executions of a query, 5 by default: S_1, S_2…)' : ''}, which live on one server connection; ` +
        'in transaction (or statement) pooling each transaction may run on another, so a statement is missing there (26000) or its name is taken already (42P05). ' +
        `${mode ? '' : 'The pool mode was not read; session pooling never gives these errors, so the pooler runs in transaction or statement mode. '}The pods pass their probes and ${route.product} serves; requests that reuse a statement fail.`,
      nextAction: `If ${route.env} was pointed at ${route.product} recently, roll that change back meanwhile; then ${clientFix}, ${poolerFix}.`,
      fix: `${clientFix}, ${poolerFix}`,
      confirmCommands: confirm,
      affected: { pods, nodes: listNodesOf(podObjects) },
    } satisfies Finding];
  }
  return [{
    id: 'dependency-error/pooled-prepared-statements/unknown',
    kind: 'dependency-error',
    title: `Queries fail on ${share}: ${quotes} — the client's server-side prepared statements are not on the connection that runs them (a transaction-mode connection pooler is the usual cause)`,
    layer: 'container/process',
    severity: 'warning',
    confidence: 'low',
    evidence,
    decisive: already ?? missing ?? '',
    ...(onset !== undefined ? { onset } : {}),
    likelyCause:
      `${client ?? 'The client'} prepares named statements on the server, which live on one server connection; a pooler in transaction mode between the pods and Postgres (PgBouncer, PgCat, Supavisor) runs each transaction on any connection, so statements go missing (26000) or clash (42P05). ` +
      `${route === undefined ? 'The pods\' env names no pooler: check where their database URL leads (a DNS name or an external proxy), and whether something runs DISCARD ALL or DEALLOCATE ALL on their connections.' : 'The pooler\'s mode as read is session, which keeps statements: look for something running DISCARD ALL or DEALLOCATE ALL on the connections.'}`,
    nextAction: `Find the pooler between the pods and Postgres and its pool mode; ${clientFix}, or use session pooling.`,
    fix: `${clientFix}, or use session pooling`,
    confirmCommands: confirm,
    affected: { pods, nodes: listNodesOf(podObjects) },
  } satisfies Finding];
}
