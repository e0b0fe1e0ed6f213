/**
 * An indexer whose search cluster refuses its documents for the index's mapping
 * (index-mapping-conflict.ts): a field gets values of another type than it is mapped as, so every
 * such document fails with 400 and, where the indexer skips it, is lost while every pod is Ready
 * and the cluster green. The mapping did not change; what the documents carry did: the sender of
 * the events the indexer consumes rolled out just before (index-mapping-sender.ts), in the
 * namespace or in another one. The way out is the sender back to what it sent, or a mapping that
 * takes the new values (a new index, reindexed), then a replay of what was dropped.
 */
import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { type MappingConflicts, findMappingConflicts } from '../index-mapping-conflict.js';
import { type MappingSender, pickMappingSender } from '../index-mapping-sender.js';
import { isPodFailing, listNodesOf, unique } from '../pod-status.js';
import { describeRevisionAt, imageVersion, sortRevisions } from '../revision-diff.js';
import { formatAgo } from '../time-span.js';

/** OpenSearch where the consumer's env or lines say so; Elasticsearch otherwise (both word the refusal alike). */
function nameStore(ev: TriageEvidence, f: MappingConflicts): string {
  const env = ev.pods.flatMap((p) => p.containers.flatMap((c) => (c.env ?? []).flatMap((e) => ('value' in e ? [`${e.name}=${e.value}`] : []))));
  return /opensearch/i.test([...env, ...f.context.slice(-50)].join('\n')) ? 'OpenSearch' : 'Elasticsearch';
}

/** "listing-service (namespace marketplace), its sender by ce_source=/marketplace/listing-service, rolled out revision 61 (4.8.0, 2h ago)". */
function describeSender(s: MappingSender, now: string): string {
  const where = s.namespace ? ` (namespace ${s.namespace})` : '';
  const by = s.by === undefined ? '' : `, its sender by ${s.by.replace(/^the log names it \((.*)\)$/, '$1')}`;
  return `${s.deployment}${where}${by}, rolled out ${describeRevisionAt(s.newest, now)}`;
}

function writeFix(f: MappingConflicts, s: MappingSender | undefined): string {
  const mapping = f.type === 'strict'
    ? `add [${f.field}] to the mapping in a new index and reindex`
    : `map [${f.field}] for the new values (keyword for ids) in a new index and reindex`;
  const replay = f.dropped ? '; then replay the events since the first refusal (dropped documents are not retried)' : '';
  if (s?.previous !== undefined) {
    const prev = imageVersion(s.previous.containers);
    return `roll ${s.deployment} back to revision ${s.previous.revision}${prev ? ` (${prev})` : ''}, or ${mapping}${replay}`;
  }
  return `find the producer that changed what it sends in [${f.field}] (its release just before the first refusal) and move it back, or ${mapping}${replay}`;
}

export function analyzeIndexMappingConflict(ev: TriageEvidence): Finding[] {
  const f = findMappingConflicts({ logs: ev.logs, pods: ev.pods, collectedAt: ev.collectedAt });
  if (f === undefined) return [];
  const name = ev.target.name;
  const now = ev.collectedAt;
  const last = f.hits[f.hits.length - 1];
  if (last === undefined) return [];
  const s = pickMappingSender(ev, f);
  const pods = unique(f.hits.map((h) => h.pod));
  const podObjects = ev.pods.filter((p) => pods.includes(p.name));
  const ready = podObjects.filter((p) => !isPodFailing(p, now)).length;
  const store = nameStore(ev, f);
  const index = f.index ? ` of ${f.index}` : '';
  const forIndex = f.index ? `for index ${f.index}'s mapping` : 'for the index\'s mapping';
  const quote = `${f.exception}: failed to parse field [${f.field}] of type [${f.type}]`;
  const said = f.type === 'strict' ? `field [${f.field}] is not in its strict mapping (${last.read.quote})` : `"${quote}"${f.values.length > 0 ? ` (got '${f.values[0]}')` : ''}`;
  const lost = f.dropped ? 'dropped (lost)' : 'rejected';
  const where = `${f.hits.length} ${lost} in ${pods.length}${ready === pods.length ? ' ready' : ''} pod${pods.length === 1 ? '\'s' : 's\''} logs`;
  const since = s ? `, since ${describeSender(s, now)}` : `; the producer of [${f.field}] changed what it sends (no sender's rollout found)`;
  const title = `${store} refuses ${name}'s documents ${forIndex} — ${said}: ${where}${since}`;
  const [mine] = sortRevisions(ev.revisions);
  const ownText = `${name} still runs ${imageVersion(podObjects[0]?.containers ?? mine?.containers ?? []) ?? 'its release'}${mine ? ` (revision ${mine.revision}, ${formatAgo(mine.createdAt, now)})` : ''}`;
  const fix = writeFix(f, s);
  const cmdTarget = s?.namespace ? { ...ev.target, namespace: s.namespace } : ev.target;

  return [{
    id: `dependency-error/index-mapping/${f.field}`,
    kind: 'dependency-error',
    title,
    ...(s ? { datesChange: true as const } : {}),
    layer: 'container/process',
    severity: f.dropped ? 'critical' : 'warning',
    confidence: s?.by !== undefined ? 'high' : 'medium',
    evidence: [
      `${f.hits.length} document${f.hits.length === 1 ? '' : 's'} refused with ${f.exception} in the logs of ${pods.slice(0, 3).join(', ')}${pods.length > 3 ? ', …' : ''}${f.dropped ? `; ${name} drops them` : ''}`,
      `log ${last.pod}: ${last.line.slice(0, 400)}`,
      ...(s ? [
        `Deployment ${s.deployment}${s.namespace ? ` (namespace ${s.namespace})` : ''}: revision ${s.newest.revision} (${s.newest.containers.map((c) => c.image).join(', ')}) rolled out ${formatAgo(s.newest.createdAt, now)}${s.newest.changeCause ? ` — ${s.newest.changeCause}` : ''}${s.previous ? `; revision ${s.previous.revision} before it (${s.previous.containers.map((c) => c.image).join(', ')})` : ''}`,
        s.by ? `${s.deployment} is the sender: ${s.by}` : `${s.deployment} is the nearest rollout of the namespace before the first refusal; nothing else ties it to ${name}`,
      ] : []),
      ownText,
    ],
    decisive: quote,
    likelyCause:
      `The index${index} maps [${f.field}] as ${f.type === 'strict' ? 'nothing (dynamic: strict)' : f.type}, and the documents ${name} writes now carry ${f.values.length > 0 ? `values like '${f.values.join("', '")}'` : 'values of another type'} in it, so ${store} refuses each of them with 400 (${f.exception}); a retry fails the same way${f.dropped ? `, and ${name} drops them: they are missing from the index (data loss)` : ''} while every pod stays Ready. ` +
      (s
        ? `${s.deployment}'s ${describeRevisionAt(s.newest, now)} came before the first refusal: it sends the events ${name} indexes, and ${ownText}.`
        : `A mapping is fixed per index: the producer of these documents changed what it sends in [${f.field}].`),
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`,
    fix,
    ...(s ? { outsideWorkload: `${s.deployment}'s revision ${s.newest.revision} changed what ${name} is sent in [${f.field}]; ${name}'s own code did not change` } : {}),
    ...(f.onset ? { onset: f.onset } : {}),
    confirmCommands: [
      formatKubectl(ev.target, `logs ${last.pod} --tail=200`),
      ...(s ? [formatKubectl(cmdTarget, `rollout history deployment/${s.deployment} --revision=${s.newest.revision}`)] : []),
    ],
    affected: { pods, nodes: listNodesOf(podObjects) },
  }];
}
