import type { TriageEvidence } from '../evidence.js';
import { findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { formatPodShare, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { findRollback } from '../revision-rollback.js';
import { readSchemaErrors } from '../schema-mismatch.js';
import type { SchemaErrors } from '../schema-mismatch.js';
import { earliest, formatAgo } from '../time-span.js';
import { sortRevisions } from '../revision-diff.js';
import { findStoreVolumeLoss } from '../store-volume-loss.js';
import { findPoolerRoute, readPoolMode } from '../pooled-prepared-statements.js';
import { readSessionSetting } from '../pooled-session-setting.js';
import { readDroppingSchemaGeneration } from '../schema-generation-drop.js';
import { readRoleSearchPath } from '../role-search-path.js';
import { findFailedMigration, tellFailedMigration } from '../failed-migration.js';

/** One line may be a stray query; the same error again is how every request of that path ends. */
const MIN_LINES = 2;

/** The image tag of a revision's first container ("2.3.0"), when it has one. */
function versionOf(image: string | undefined): string | undefined {
  const tag = /:([\w][\w.-]*)$/.exec((image ?? '').replace(/@sha256:[0-9a-f]+$/, ''))?.[1];
  return tag === 'latest' ? undefined : tag;
}

/**
 * Pods whose queries fail because the database lacks a column or table their code uses: the
 * database answers, the schema and the code disagree. After a rollout undo to an older release
 * that is the rollback's doing — migrations ran since that release, and a schema does not roll
 * back with the code — so the way out is forward, to the revision the rollback replaced.
 */
export function analyzeSchemaMismatch(ev: TriageEvidence): Finding[] {
  // Tables gone with the database's volume: no code or migration disagrees (store-volume-lost.ts says what happened).
  if (findStoreVolumeLoss(ev) !== undefined) return [];
  const hits: { pod: string; container: string; errors: SchemaErrors }[] = [];
  for (const log of ev.logs) {
    if (findPod(ev, log.pod) === undefined) continue;
    const errors = readSchemaErrors(log.lines);
    if (errors !== undefined) hits.push({ pod: log.pod, container: log.container, errors });
  }
  const first = hits[0];
  if (first === undefined || hits.reduce((n, h) => n + h.errors.count, 0) < MIN_LINES) return [];
  const pods = unique(hits.map((h) => h.pod));
  const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
  const { what } = first.errors.first;
  // The database's words without its severity prefix: the title quotes them, the headline need not again.
  const quote = first.errors.first.quote.replace(/^ERROR:\s+/, '');
  const onset = earliest(hits.map((h) => h.errors.since));
  const rollback = findRollback(ev);
  // Only the rolled-back revision's own pods are old code: a rollback beside them explains nothing.
  const rolledBack = rollback !== undefined && podObjects.length > 0 && podObjects.every((p) => p.revisionHash === rollback.revision.hash) ? rollback : undefined;
  const ref = formatWorkloadRef(ev.target);
  const share = formatPodShare(ev, pods.length);
  const evidence = hits.slice(0, 3).map((h) => `log ${h.pod}: ${h.errors.count} line${h.errors.count === 1 ? '' : 's'} say ${h.errors.first.quote}`);

  // Tables missing under an ORM that drops them as its pods start or stop: the setting is the cause, not a migration.
  const dropped = hits.some((h) => /^table /.test(h.errors.first.what)) ? readDroppingSchemaGeneration(ev, { pods, podObjects, container: first.container, quote, onset, evidence }) : undefined;
  if (dropped !== undefined) return [dropped];

  if (rolledBack !== undefined) {
    const r = rolledBack;
    const version = versionOf(r.revision.containers[0]?.image);
    const forward = versionOf(r.replaced.containers[0]?.image);
    const to = r.to !== undefined ? `rolled back to revision ${r.to}` : 'rolled back';
    const undo = formatKubectl(ev.target, `rollout undo ${ref} --to-revision=${r.replaced.revision}`);
    return [{
      id: `schema-migration/mismatch/${first.container}`,
      kind: 'schema-migration',
      title: `Queries fail on ${share}: ${quote} — revision ${r.revision.revision}'s code (${version ? `${version}, ` : ''}${to}) is older than the schema, migrated since`,
      layer: 'rollout/change',
      severity: severityForPods(ev, pods.length),
      confidence: 'high',
      evidence: [
        ...evidence,
        `revision ${r.revision.revision} is an old ReplicaSet brought back${r.to !== undefined ? ` (revision-history: ${(r.revision.formerRevisions ?? []).join(', ')})` : ''}; revision ${r.replaced.revision}${forward ? ` (${forward})` : ''} ran before it`,
      ],
      decisive: quote,
      ...(onset !== undefined ? { onset } : {}),
      likelyCause:
        `The database answers, but it lacks ${what}: revision ${r.revision.revision} brought back code older than migrations the database has run since (a column renamed or dropped). ` +
        'A rollout undo rolls back the code, never the schema, so every query of that code fails even though the pods pass their probes.',
      nextAction: `Roll forward to revision ${r.replaced.revision}${forward ? ` (${forward})` : ''}, what ran before the rollback (\`${undo}\`; the bot will not run it); never to a revision older than the schema's last migration. Then find what the rollback was meant to fix.`,
      fix: 'deploy code built for the schema as it is now',
      confirmCommands: [
        formatKubectl(ev.target, `logs ${first.pod} -c ${first.container} --tail=100`),
        formatKubectl(ev.target, `rollout history ${ref}`),
      ],
      affected: { pods, nodes: listNodesOf(podObjects) },
    } satisfies Finding];
  }
  // An unqualified table missing since a role's (or database's) search_path was set, as the database's or a migration Job's log shows: new sessions look elsewhere.
  const table = /^table (.+)$/.exec(what)?.[1];
  const searchPath = table !== undefined ? readRoleSearchPath(ev, { pods, podObjects, container: first.container, quote, table, ...(onset !== undefined ? { onset } : {}), evidence }) : undefined;
  if (searchPath !== undefined) return [searchPath];

  // A table or column missing because the migration Job meant to create it failed: the Job's refusal is the cause, not the code.
  const failed = /^(table|column) /.test(what) ? findFailedMigration(hits.flatMap((h) => [h.errors.first.quote]), ev.failedMigrationLogs ?? [], ev.namespaceJobs?.jobs ?? []) : undefined;
  if (failed !== undefined) {
    const told = tellFailedMigration(failed);
    return [{
      id: `schema-migration/failed-migration/${first.container}`,
      kind: 'schema-migration',
      title: `Queries fail on ${share}${told.title}`,
      layer: 'rollout/change',
      severity: severityForPods(ev, pods.length),
      confidence: 'high',
      evidence: [...evidence, ...told.evidence],
      decisive: quote,
      ...(onset !== undefined ? { onset } : {}),
      likelyCause: told.cause,
      nextAction: told.action,
      fix: told.fix,
      confirmCommands: [formatKubectl(ev.target, `logs job/${failed.run.job} --tail=100`), formatKubectl(ev.target, `logs ${first.pod} -c ${first.container} --tail=100`)],
      affected: { pods, nodes: listNodesOf(podObjects) },
    } satisfies Finding];
  }

  // A relation missing behind a transaction-mode pooler while the client sets its search_path per session: the tables are there, the setting is lost.
  const session = /^table /.test(what) ? readSessionSetting(ev.logs.filter((l) => pods.includes(l.pod)).flatMap((l) => l.lines)) : undefined;
  const route = session ? findPoolerRoute(podObjects.flatMap((p) => p.containers), ev.services) : undefined;
  const mode = route ? readPoolMode(ev, route) : undefined;
  if (session !== undefined && route !== undefined && mode?.mode !== 'session') {
    const where = `${route.product} (${route.host}${route.port !== undefined ? `:${route.port}` : ''}, ${route.env})`;
    const pooling = mode !== undefined ? `pool_mode = ${mode.mode}` : 'transaction pooling';
    // The revision that pointed the address at the pooler, when the workload's history shows it.
    const sorted = sortRevisions(ev.revisions);
    const pointed = sorted.find((r, i) => {
      const value = (rev: typeof r | undefined) => rev?.containers.flatMap((c) => c.env).find((e) => e.name === route.env && 'value' in e);
      const [now, before] = [value(r), value(sorted[i + 1])];
      return sorted[i + 1] !== undefined && now !== undefined && 'value' in now && now.value.toLowerCase().includes(route.host) && !(before !== undefined && 'value' in before && before.value.toLowerCase().includes(route.host));
    });
    const since = pointed ? ` since revision ${pointed.revision} pointed ${route.env} at it (${formatAgo(pointed.createdAt, ev.collectedAt)})` : '';
    const fix = `set ${session.setting} where every transaction gets it: on the role (ALTER ROLE <app role> SET ${session.setting} …) or in the connection options, or schema-qualify the tables, or use session pooling for this app`;
    return [{
      id: `schema-migration/pooled-session-setting/${first.container}`,
      kind: 'schema-migration',
      title: `Queries fail on ${share}: ${quote} — the session-level "${session.quote}" is lost through ${where} in ${pooling}${since}: later transactions run on server connections with the default ${session.setting}`,
      layer: 'container/process',
      severity: severityForPods(ev, pods.length),
      confidence: mode !== undefined ? 'high' : 'medium',
      evidence: [
        ...evidence,
        `the client sets ${session.setting} once per connection: "${session.quote}"`,
        `env ${route.env} leads to ${route.host}${route.port !== undefined ? `:${route.port}` : ''} (${route.product})`,
        ...(mode ? [`${mode.where}: pool_mode = ${mode.mode}`] : []),
      ],
      decisive: quote,
      ...(pointed ? { datesChange: true as const } : {}),
      ...(onset !== undefined ? { onset } : {}),
      likelyCause: `The pods reach Postgres through ${where}. In transaction pooling each transaction may run on another server connection; a session-level SET stays on the one that ran it, so transactions elsewhere use the default ${session.setting} and unqualified tables are not found there. The tables exist: requests that land on the connection that ran the SET succeed.`,
      nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; if ${route.env} was pointed at ${route.product} recently, rolling that back restores the direct connection meanwhile.`,
      fix,
      confirmCommands: [formatKubectl(ev.target, `logs ${first.pod} -c ${first.container} --tail=100`)],
      affected: { pods, nodes: listNodesOf(podObjects) },
    } satisfies Finding];
  }
  return [{
    id: `schema-migration/mismatch/${first.container}`,
    kind: 'schema-migration',
    title: `Queries fail on ${share}: ${quote} — the code and the database schema disagree`,
    layer: 'container/process',
    severity: severityForPods(ev, pods.length),
    confidence: 'medium',
    evidence,
    decisive: quote,
    ...(onset !== undefined ? { onset } : {}),
    likelyCause: `The database answers, but it lacks ${what}: either this code expects a migration that was not applied, or a migration renamed or dropped it under code that still uses it.`,
    nextAction: 'Compare the schema\'s migration history with what this release expects: apply the missing migration, or deploy code that matches the schema (a rollback helps only to a release built for this schema).',
    fix: 'make the code and the schema agree (apply the missing migration, or deploy code that matches the schema)',
    confirmCommands: [formatKubectl(ev.target, `logs ${first.pod} -c ${first.container} --tail=100`)],
    affected: { pods, nodes: listNodesOf(podObjects) },
  } satisfies Finding];
}
