/**
 * Inserts refused on the primary key with keys that climb: the table's id sequence is behind the
 * rows already in it (sequence-behind.ts), most often after a restore or import loaded rows with
 * their ids. The database quotes the duplicate; the mechanism is the sequence, the fix is setval
 * (or AUTO_INCREMENT), and a Job of the namespace that loaded rows just before is the trigger.
 */
import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine, findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { isPodFailing, listNodesOf, unique } from '../pod-status.js';
import { findServerAddress } from '../server-address.js';
import { findInClusterService } from '../down-service.js';
import { countRefusedInserts, describeJobCommand, findSequenceBehind, fixSequenceBehind, pickLoadingJob, sequenceNameOf } from '../sequence-behind.js';
import { formatAgo } from '../time-span.js';

export function analyzeSequenceBehind(ev: TriageEvidence): Finding[] {
  const found = findSequenceBehind(ev.logs);
  if (found === undefined) return [];
  const now = ev.collectedAt;
  const pods = unique(found.hits.map((h) => h.log.pod));
  const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
  const ready = podObjects.filter((p) => !isPodFailing(p, now)).length;
  const first = found.hits[0];
  const container = podObjects[0]?.containers.find((c) => c.name === first?.log.container);
  const address = container ? findServerAddress(container, found.engine) : undefined;
  const service = address ? findInClusterService(address.host, ev.target.namespace) : undefined;
  const server = service ? `${found.engine} ${service.name}` : address ? `${found.engine} at ${address.host}` : found.engine;
  const table = found.table ?? 'its table';
  const counter = found.engine === 'MySQL' ? 'AUTO_INCREMENT counter' : `id sequence${sequenceNameOf(found) ? ` ${sequenceNameOf(found)}` : ''}`;
  const keys = `${found.column ? `(${found.column}) ` : ''}${found.low}…${found.high}`;
  const loaded = pickLoadingJob(ev.namespaceJobs, found.onset, address?.host);
  const job = loaded?.job;
  const command = job ? describeJobCommand(job) : undefined;
  const ran = job
    ? `Job ${job.name}${job.owner ? ` (${job.owner.kind} ${job.owner.name})` : ''}${command ? ` (${command}${loaded.namesHost && service ? `, against ${service.name}` : ''})` : loaded.namesHost && service ? ` (against ${service.name})` : ''} ran ${job.createdAt ? formatAgo(job.createdAt, now) : 'just before'}${job.state === 'complete' && job.finishedAt ? ` and completed ${formatAgo(job.finishedAt, now)}` : job.state === 'running' ? ', still running' : ''}`
    : undefined;
  const fix = fixSequenceBehind(found);
  const n = countRefusedInserts(found);
  const title = `Inserts into ${table} (${server}) collide on its primary key: the ${counter} is behind the table's rows — ${n} refused inserts, keys ${keys} climbing, in ${pods.length} ${ready === pods.length ? 'ready ' : ''}pod${pods.length === 1 ? '' : 's'}${ran ? `, since ${ran}` : ''}`;
  const generator = found.engine === 'MySQL' ? 'its AUTO_INCREMENT counter' : 'its sequence (serial or identity)';
  return [{
    id: `dependency-error/sequence-behind/${found.engine}/${found.table ?? ''}`,
    kind: 'dependency-error',
    title,
    layer: 'container/process',
    severity: ready === pods.length ? 'warning' : 'critical',
    confidence: 'high',
    evidence: [
      `${n} inserts into ${table} refused on its primary key, keys ${keys} climbing in each log`,
      // The last refusal of each pod: what the pods log is accounted for, pod by pod.
      ...pods.slice(0, 3).map((p) => `log ${p}: ${(found.hits.findLast((h) => h.log.pod === p)?.line ?? '').slice(0, 400)}`),
      ...(ran ? [`${ran}, just before the first refused insert${job?.commandAndEnv?.length ? `: ${job.commandAndEnv.join(' ').slice(0, 240)}` : ''}`] : []),
    ],
    decisive: condenseStructuredLine(first?.line ?? '').slice(0, 200),
    likelyCause:
      `${found.engine} gives each new row of ${table} its id from ${generator}, and that is behind the largest id already in the table: every INSERT draws an id a row holds and fails on the primary key, while reads, updates and the server's health checks keep working — only inserts into ${table} fail, and the pods stay Ready. ` +
      `Each failed insert still uses up its value, so the refused keys climb (${found.low}…${found.high}) and will keep failing until they pass the table's largest id: the ids come from the ${found.engine === 'MySQL' ? 'counter' : 'sequence'}, not from the client, and this is not an idempotent retry. ` +
      `A data restore or import that loads rows with their ids (COPY, pg_restore, a dump, or TRUNCATE … RESTART IDENTITY before a reload) never advances the ${found.engine === 'MySQL' ? 'counter' : 'sequence'}. ` +
      (ran ? `${ran}, just before the first refused insert: the likely load. ` : '') +
      'A rollback or a restart changes nothing.',
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.${found.engine === 'PostgreSQL' ? ` Check first: SELECT last_value FROM ${sequenceNameOf(found) ?? `pg_get_serial_sequence('${table}', '${found.column ?? 'id'}')`} against SELECT max(${found.column ?? 'id'}) FROM ${table}.` : ''}`,
    fix,
    outsideWorkload: `the ${counter} of ${table} is behind its rows in the database, whatever revision inserts into it`,
    ...(ran ? { datesChange: true as const } : {}),
    ...(found.onset ? { onset: found.onset } : {}),
    confirmCommands: [
      formatKubectl(ev.target, `logs ${pods[0] ?? ''} --tail=100`),
      ...(job ? [formatKubectl(ev.target, `logs job/${job.name} --tail=100`)] : []),
    ],
    affected: { pods, nodes: listNodesOf(podObjects), ...(service ? { services: [service.name] } : {}), ...(job ? { jobs: [job.owner?.name ?? job.name] } : {}) },
  }];
}
