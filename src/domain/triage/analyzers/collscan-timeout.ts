/**
 * A MongoDB query of the workload runs out of its maxTimeMS because it runs as a collection scan:
 * mongod's slow-query log shows it as COLLSCAN over millions of documents, and its own log says
 * which index of that collection was dropped, when, and so which Job of the namespace dropped it
 * (collscan-timeout.ts). The index is the fix; a longer maxTimeMS would only hold the scans
 * longer, and no revision of the workload brought it on.
 */
import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { isPodFailing, listNodesOf, unique } from '../pod-status.js';
import { formatAgo } from '../time-span.js';
import {
  findMaxTimeExpired, findTimeoutOnset, formatDocs, pickDroppedIndex, pickDroppingJob, pickTimedOutMongo, readCollscans, readDroppedIndexes, readIndexKeys,
} from '../collscan-timeout.js';

export function analyzeCollscanTimeouts(ev: TriageEvidence): Finding[] {
  const now = ev.collectedAt;
  const hits = findMaxTimeExpired(ev, now);
  const svc = hits.length === 0 ? undefined : pickTimedOutMongo(ev, ev.endpointSlices, now);
  if (svc === undefined) return [];
  const servers = (ev.dependencyPods ?? []).filter((d) => d.service === svc.name && (d.namespace ?? ev.target.namespace) === svc.namespace).map((d) => ({ pod: d.pod, logs: [...(d.searched ?? []), ...d.logs] }));
  const scan = readCollscans(servers)[0];
  const last = hits[hits.length - 1];
  if (scan === undefined || last === undefined) return [];
  const onset = findTimeoutOnset(hits);
  const drop = pickDroppedIndex(scan, readDroppedIndexes(servers, now));
  const ran = pickDroppingJob(ev.namespaceJobs?.jobs ?? [], drop, svc.name, onset, now);
  const pods = unique(hits.map((h) => h.pod));
  const podObjects = ev.pods.filter((p) => pods.includes(p.name));
  const ready = podObjects.filter((p) => !isPodFailing(p, now)).length;
  const collection = scan.ns.replace(/^[^.]+\./, '');
  const limit = scan.maxTimeMS !== undefined ? `maxTimeMS ${scan.maxTimeMS}` : 'its maxTimeMS';
  const docs = `docsExamined ${formatDocs(scan.docsMin, scan.docsMax)}`;
  const keys = drop ? readIndexKeys(drop.name) : [...scan.filter.map((f) => ({ field: f, dir: '1' })), ...scan.sort];
  const spec = keys.length > 0 ? `{ ${keys.map((k) => `${k.field}: ${k.dir}`).join(', ')} }` : undefined;
  const by = ran?.dropped ? ` by Job ${ran.job.name}` : '';
  const gone = drop ? `since index ${drop.name} was dropped${by}${drop.at ? ` ${formatAgo(drop.at, now)}` : ''}` : 'with no index to serve it';
  const where = `${hits.length} MaxTimeMSExpired in ${pods.length} ${ready === pods.length ? 'ready ' : ''}pod${pods.length === 1 ? '' : 's'}`;
  const title = `Queries on ${scan.ns} run as a collection scan (COLLSCAN, ${docs}) and exceed ${limit} ${gone}: ${where}`;
  const create = spec ? `db.${collection}.createIndex(${spec})` : 'an index that serves the query (equality fields, then the sort, then ranges)';
  const fix = `recreate the index on the primary: ${create}; a longer maxTimeMS or a rollback would not help (the scans would only run longer)`;
  const job = ran ? `Job ${ran.job.name}${ran.job.owner ? ` (${ran.job.owner.kind} ${ran.job.owner.name})` : ''} started ${ran.job.createdAt ? formatAgo(ran.job.createdAt, now) : '?'}${ran.job.finishedAt ? ` and ended ${formatAgo(ran.job.finishedAt, now)}` : ', still running'}` : undefined;
  return [{
    id: `dependency-error/collscan-timeout/${scan.ns}`,
    kind: 'dependency-error',
    title,
    ...(drop?.at ? { datesChange: true as const } : {}),
    layer: 'container/process',
    severity: ready === pods.length ? 'warning' : 'critical',
    confidence: drop ? 'high' : 'medium',
    evidence: [
      `${hits.length} queries ran out of ${limit} in the logs of ${pods.slice(0, 3).join(', ')}${pods.length > 3 ? ', …' : ''}`,
      ...pods.slice(0, 3).map((pod) => `log ${pod}: ${(hits.findLast((h) => h.pod === pod)?.line ?? '').slice(0, 300)}`),
      `mongod ${scan.pod}: ${scan.count} slow ${scan.ns} queries as COLLSCAN, keysExamined 0, ${docs}${scan.filter.length + scan.sort.length > 0 ? ` (filter on ${scan.filter.join(', ') || '—'}, sort on ${scan.sort.map((s) => `${s.field} ${s.dir}`).join(', ') || '—'})` : ''}: ${scan.line.slice(0, 300)}`,
      ...(drop ? [`mongod ${drop.pod}: index ${drop.name} of ${drop.ns} dropped${drop.at ? ` ${formatAgo(drop.at, now)}` : ''}: ${drop.line.slice(0, 300)}`] : []),
      ...(job ? [`${job}${ran?.dropped ? ', while the index was dropped' : `, against ${svc.name}, just before the first timeout`}${ran?.job.commandAndEnv?.length ? `: ${ran.job.commandAndEnv.join(' ').slice(0, 200)}` : ''}`] : []),
    ],
    decisive: condenseStructuredLine(last.line).slice(0, 200),
    likelyCause:
      `MongoDB stops a query when it runs past the maxTimeMS its client set; this one now reads the whole ${scan.ns} collection (COLLSCAN, ${docs}) because no index serves its filter and sort, so it cannot finish in time, while queries that still have an index answer fast. MongoDB itself is up and right to stop it. ` +
      (drop
        ? `The index that served it, ${drop.name}, was dropped${drop.at ? ` ${formatAgo(drop.at, now)}` : ''}${ran?.dropped ? ` while Job ${ran.job.name} ran` : ''}, just before the first timeout; the workload's own code did not change.`
        : job ? `${job} against the same server just before the first timeout: check what it did to the indexes of ${scan.ns}.` : `An index that served it was dropped or never built, or the collection grew past what a scan can read in time.`),
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.${ran?.dropped ? ` Before dropping "unused" indexes again, check their use ($indexStats) on every member, the primary first.` : ''}`,
    fix,
    outsideWorkload: `the index is gone from ${scan.ns} on the server, whatever revision of the workload queries it`,
    ...(onset ? { onset } : {}),
    confirmCommands: [
      formatKubectl(ev.target, `logs ${scan.pod} --tail=200`),
      ...(ran ? [formatKubectl(ev.target, `logs job/${ran.job.name}`)] : []),
    ],
    affected: { pods, nodes: listNodesOf(podObjects), ...(ran ? { jobs: [ran.job.owner?.name ?? ran.job.name] } : {}) },
  }];
}
