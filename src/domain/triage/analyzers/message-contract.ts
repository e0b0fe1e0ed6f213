/**
 * A consumer that cannot take the messages it is sent (a Celery worker discarding tasks it has not
 * registered, a Kafka deserializer's "Unknown magic byte!", payloads that no longer decode): its
 * pods stay Ready and its own revision is old. What changed is the sender: the namespace's other
 * Deployment tied to it (producer-rollout.ts) whose newest revision came just before the first
 * failure is the trigger. The way out follows from who is behind: a consumer on an older release of
 * the producer's own code rolls forward to it; a consumer of another codebase cannot, so the
 * producer goes back until the consumer reads the new format.
 */
import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { type ContractFailures, findContractFailures } from '../message-contract.js';
import { findMissingDestination } from '../missing-destination.js';
import { isPodFailing, listNodesOf, unique } from '../pod-status.js';
import { type ProducerRollout, pickProducerRollout } from '../producer-rollout.js';
import { describeRevisionAt, imageVersion, sortRevisions } from '../revision-diff.js';
import { formatAgo } from '../time-span.js';

/** "app env VALUE_SERIALIZER: "io.x.KafkaJsonSchemaSerializer" → "com.y.GlueSchemaRegistryKafkaSerializer"" as "VALUE_SERIALIZER KafkaJsonSchemaSerializer → GlueSchemaRegistryKafkaSerializer". */
function compactChange(line: string): string {
  return line
    .replace(/^\S+ env (?:(added) )?/, (_m, added: string | undefined) => (added ? 'added ' : ''))
    .replace(/"(?:[a-z_]\w*\.)+([A-Z]\w*)"/g, '$1')
    .replace(/: (?=\S+ → )/, ' ');
}

/** What the consumer does with a message it cannot take, as its own lines say. */
function describeLoss(f: ContractFailures): { done: string; recover: string } {
  const text = f.context.join('\n');
  if (/dead.?letter|\.DLT\b|\bDLQ\b/i.test(text)) return { done: 'sent to the dead-letter topic', recover: 'replay the dead-lettered messages' };
  if (/discarded|ignored|dropp/i.test(text)) return { done: 'discarded', recover: 're-enqueue the messages it discarded meanwhile' };
  return { done: 'failed', recover: 'replay the messages that failed meanwhile' };
}

/** The deserializer the consumer is configured with (its env), else the one its stack trace names. */
function findDecoder(ev: TriageEvidence, f: ContractFailures): string | undefined {
  const pod = ev.pods.find((p) => f.hits.some((h) => h.pod === p.name));
  for (const c of pod?.containers ?? []) {
    for (const e of c.env ?? []) if ('value' in e && /DESERIALI[ZS]ER|DECODER/i.test(e.name)) return e.value.replace(/^.*\./, '');
  }
  for (const l of f.context) {
    const m = /\b(?:Abstract)?(\w+Deserializer)\.deserialize\b/.exec(l);
    if (m?.[1]) return m[1];
  }
  return undefined;
}

function writeFix(name: string, f: ContractFailures, p: ProducerRollout | undefined, decoder: string | undefined, recover: string): { fix: string; next: string } {
  if (f.kind === 'no-responders') {
    const subject = f.subject ? ` ${f.subject}` : '';
    const prev = p?.previous ? imageVersion(p.previous.containers) : undefined;
    return p?.previous
      ? {
          fix: `roll ${p.deployment} back to revision ${p.previous.revision}${prev ? ` (${prev})` : ''} so it answers on${subject || ' the subject'} again, or have it subscribe to both subjects until ${name} moves`,
          next: `Move the requesters to a new subject before the responders leave the old one.`,
        }
      : { fix: `find the responder that stopped subscribing to${subject || ' the subject'} (nats sub / the server's /subsz) and bring it back`, next: `Check the responders' subscriptions and queue groups.` };
  }
  const task = f.kind === 'unregistered-task' && f.subject ? `'${f.subject}'` : undefined;
  const producerVersion = p ? imageVersion(p.newest.containers) : undefined;
  if (p && p.sameCode && producerVersion) {
    const reads = task ? `registers ${task}` : 'reads what it sends';
    return {
      fix: `roll ${name} forward to ${producerVersion}, the release ${p.deployment} runs since revision ${p.newest.revision}, so it ${reads}; then ${recover}`,
      next: `Release consumers before the producers that send them something new (or keep the old ${task ? 'task name as an alias' : 'format readable'} for one release).`,
    };
  }
  const reader = decoder ? `a deserializer for ${p?.deployment ?? 'the producer'}'s new format in place of ${decoder}` : task ? `a handler for ${task}` : `a reader for ${p?.deployment ?? 'the producer'}'s new format`;
  if (p?.previous) {
    const prev = imageVersion(p.previous.containers);
    return {
      fix: `roll ${p.deployment} back to revision ${p.previous.revision}${prev ? ` (${prev})` : ''} to stop the failures now; then give ${name} ${reader} before ${p.deployment} moves again, and ${recover}`,
      next: `Next time, release the readers of a new format before the producers that write it.`,
    };
  }
  return {
    fix: task ? `deploy a ${name} release that registers ${task} (or stop what enqueues it), then ${recover}` : `give ${name} ${reader} (or move the producer back to what it wrote before), then ${recover}`,
    next: `Find which producer changed what it sends, and when: the first failure is the time to look at.`,
  };
}

export function analyzeMessageContract(ev: TriageEvidence): Finding[] {
  const f = findContractFailures({ logs: ev.logs, pods: ev.pods, collectedAt: ev.collectedAt });
  if (f === undefined) return [];
  // JetStream publishes no stream captures get "no responders" too: a missing stream explains them, not a missing responder.
  if (f.kind === 'no-responders' && findMissingDestination(ev)?.unacked !== undefined) return [];
  const name = ev.target.name;
  const now = ev.collectedAt;
  const p = pickProducerRollout(ev, f);
  const last = f.hits[f.hits.length - 1];
  if (last === undefined) return [];
  const pods = unique(f.hits.map((h) => h.pod));
  const podObjects = ev.pods.filter((x) => pods.includes(x.name));
  const ready = podObjects.filter((x) => !isPodFailing(x, now)).length;
  const where = `${f.hits.length} in ${pods.length} ${ready === pods.length ? 'ready ' : ''}pod${pods.length === 1 ? '' : 's'}`;
  const { done, recover } = describeLoss(f);
  const decoder = f.kind === 'unregistered-task' ? undefined : findDecoder(ev, f);
  const change = p && !p.sameCode ? p.changes.map(compactChange).find((l) => !/ image /.test(l)) : undefined;
  const since = p ? ` since its ${describeRevisionAt(p.newest, now)}${change ? ` changed ${change}` : ''}` : '';

  const title = f.kind === 'no-responders'
    ? `${name}'s requests${f.subject ? ` on subject ${f.subject}` : ''} get no responders (NATS): nothing subscribes to it ${p ? `since ${p.deployment}'s ${describeRevisionAt(p.newest, now)}${change ? ` changed ${change}` : ''}` : 'any more'}: ${where}`
    : f.kind === 'unregistered-task'
    ? `${name} ${done === 'failed' ? 'refuses' : done === 'discarded' ? 'discards' : 'dead-letters'} tasks${f.subject ? ` of type '${f.subject}'` : ''} it has not registered${p ? `, which ${p.deployment} sends${since}` : ''}: ${where}`
    : `${name} cannot deserialize the messages ${p ? `${p.deployment} writes${since}` : 'it is sent'}: ${where}`;

  const [mine] = sortRevisions(ev.revisions);
  const ownVersion = imageVersion(podObjects[0]?.containers ?? mine?.containers ?? []);
  const ownText = `${name} still runs ${ownVersion ? `${ownVersion}` : 'its release'}${mine ? ` (revision ${mine.revision}, ${formatAgo(mine.createdAt, now)})` : ''}`;
  // In the cause, the consumer's revision number is left out: it is not the change (the evidence keeps it).
  const ownCause = `${name} still runs ${ownVersion ?? 'its release'}${mine ? ` (since ${formatAgo(mine.createdAt, now)})` : ''}`;
  const { fix, next } = writeFix(name, f, p, decoder, recover);
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const asks = f.kind === 'no-responders';
  const what = f.kind === 'unregistered-task' ? `a task type it does not have${f.subject ? ` ('${f.subject}')` : ''}` : `messages in a format its ${decoder ?? 'deserializer'} does not read`;

  return [{
    id: `dependency-error/message-contract/${p?.deployment ?? name}`,
    kind: 'dependency-error',
    title,
    ...(p ? { datesChange: true as const } : {}),
    layer: 'container/process',
    severity: ready === pods.length ? 'warning' : 'critical',
    confidence: p?.by !== undefined ? 'high' : 'medium',
    evidence: [
      `${f.hits.length} ${asks ? 'request' : 'message'}${f.hits.length === 1 ? '' : 's'} ${asks ? 'no subscriber answered' : `${name} cannot take (${done})`} in the logs of ${pods.slice(0, 3).join(', ')}${pods.length > 3 ? ', …' : ''}`,
      `log ${last.pod}: ${last.line.slice(0, 300)}`,
      ...(p ? [
        `Deployment ${p.deployment}: revision ${p.newest.revision} (${p.newest.containers.map((c) => c.image).join(', ')}) rolled out ${formatAgo(p.newest.createdAt, now)}${p.newest.changeCause ? ` — ${p.newest.changeCause}` : ''}${p.previous ? `; revision ${p.previous.revision} before it (${p.previous.containers.map((c) => c.image).join(', ')})` : ''}`,
        ...(p.changes.length > 0 ? [`${p.deployment} revision ${p.newest.revision} changed: ${p.changes.slice(0, 4).join('; ')}`] : []),
        p.by ? `${p.deployment} is the ${asks ? 'responder' : 'sender'}: ${p.by}` : `${p.deployment} is the nearest rollout of the namespace before the first failure; nothing else ties it to ${name}`,
      ] : []),
      `${ownText}${decoder ? `, reading with ${decoder}` : ''}`,
    ],
    decisive: last.read.quote,
    likelyCause: asks
      ? `NATS answers "no responders" at once when no subscription matches a request's subject: nothing listens on ${f.subject ?? 'the subject'} ${name} requests on, though ${name}'s pods stay Ready. ` +
        (p
          ? `${p.deployment}'s revision ${p.newest.revision} came ${formatAgo(p.newest.createdAt, now)}, just before the first failure${change ? `, and changed ${change}` : ''}; ${ownText}: the responder moved away from the subject its unchanged requester still uses.`
          : `A responder stopped subscribing to it (a renamed subject, a changed queue group, a responder scaled to zero).`)
      : `${name} is sent ${what}, so it cannot take them (${last.read.quote}) and they are ${done} while its pods stay Ready. ` +
      (p
        ? `${p.deployment}'s revision ${p.newest.revision} came ${formatAgo(p.newest.createdAt, now)}, just before the first failure${change ? `, and changed ${change}` : ''}; ${ownCause}: the two releases disagree on the messages, and ${name}'s own code did not change.`
        : `Its sender changed what it sends, or ${name} runs an older release than its sender.`),
    nextAction: `${cap(fix)}. ${next}`,
    fix,
    ...(p ? { outsideWorkload: `${p.deployment}'s revision ${p.newest.revision} changed the messages ${name} is sent` } : {}),
    ...(f.onset ? { onset: f.onset } : {}),
    confirmCommands: [
      formatKubectl(ev.target, `logs ${last.pod} --tail=200`),
      ...(p ? [formatKubectl(ev.target, `rollout history deployment/${p.deployment} --revision=${p.newest.revision}`)] : []),
    ],
    affected: { pods, nodes: listNodesOf(podObjects) },
  }];
}
