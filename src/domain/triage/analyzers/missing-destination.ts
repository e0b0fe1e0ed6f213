import type { TriageEvidence } from '../evidence.js';
import { findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { findAutoCreate, findDefinedStreams, findMissingDestination, pickMissingDestinationServers } from '../missing-destination.js';
import type { AutoCreate, MissingDestination } from '../missing-destination.js';
import { listNodesOf, severityForPods, unique } from '../pod-status.js';

/** "Kafka topic orders.v2 (env ORDERS_TOPIC)", "RabbitMQ queue billing.invoices". */
function nameOf(found: MissingDestination): string {
  const what = `${found.server} ${found.kind}${found.name !== undefined ? ` ${found.name}` : ''}`;
  return found.env !== undefined ? `${what} (env ${found.env.name})` : what;
}

/** Why the broker answers so, in its terms, and what a new name needs. */
function explainKafka(found: MissingDestination, auto: AutoCreate | undefined): string {
  const topic = found.name ?? 'the topic';
  const wait = /not present in metadata/.test(found.quote) ? ', so every send waits max.block.ms for it and fails ("not present in metadata")' : '';
  const from = found.env !== undefined ? ` The client takes the name from env ${found.env.name}.` : '';
  const creates = auto === undefined
    ? ' Unless the brokers create topics on first use (auto.create.topics.enable, off on most production clusters), a new name needs its topic created before a client uses it.'
    : auto.value.toLowerCase() === 'false'
      ? ` The brokers create no topic on first use (auto.create.topics.enable=false, ${auto.where}): a new name needs its topic created before a client uses it.`
      : ` The brokers set auto.create.topics.enable=${auto.value} (${auto.where}), yet do not create it: the client may not ask them to (allow.auto.create.topics=false), or lacks the Create right.`;
  return `The brokers answer, but they have no topic ${topic}: UNKNOWN_TOPIC_OR_PARTITION is their answer for a topic they do not host${wait}, while the pods stay Ready.${from} The topic was never created, was deleted, or the name is wrong.${creates} A topic the client may not see is answered TOPIC_AUTHORIZATION_FAILED instead, so this is no ACL.`;
}

/** Why NATS answers so: the stream the client binds to or publishes into is not one the servers define. */
function explainNats(found: MissingDestination, defined: readonly { value: string; where: string }[]): string {
  const stream = found.name ?? 'the stream';
  const unacked = found.unacked === undefined ? '' : ` Its JetStream publishes${found.unacked.subjects.length > 0 ? ` to ${found.unacked.subjects.slice(0, 3).join(', ')}` : ''} get no stream ack — NATS answers "no responders" when no stream captures a subject — so nothing it publishes is stored.`;
  const have = defined.length > 0 ? ` The servers define ${defined.map((d) => d.value).join(', ')} (${defined[0]?.where ?? ''}): the name and subjects the client uses are not among them.` : '';
  return `The NATS servers answer, but they have no stream ${stream}: "${found.answer}" is their answer for a stream name they do not hold, while the pods stay Ready.${unacked}${have} The stream was renamed in the client's configuration, deleted, or never created.`;
}

/**
 * Clients whose broker answers that their topic (or queue) does not exist: the connection works
 * and the brokers are healthy, the name the client uses and the broker's topics disagree. Named
 * with where the client takes the name (its env) and, for Kafka, whether the brokers create
 * topics on first use — the reason a renamed topic is missing.
 */
export function analyzeMissingDestination(ev: TriageEvidence): Finding[] {
  const found = findMissingDestination(ev);
  if (found === undefined) return [];
  const logged = unique(found.hits.map((h) => h.log.pod)).filter((p) => findPod(ev, p) !== undefined);
  if (logged.length === 0) return [];
  // Every pod whose container carries the same name fails the same way, whether or not its log was read.
  const env = found.env;
  const value = (p: (typeof ev.pods)[number]) => {
    const e = p.containers.find((c) => c.name === env?.container)?.env?.find((x) => x.name === env?.name);
    return e !== undefined && 'value' in e ? e.value : undefined;
  };
  const first = ev.pods.find((p) => p.name === logged[0]);
  const named = env !== undefined && first !== undefined ? ev.pods.filter((p) => p.deletionTimestamp === undefined && value(p) !== undefined && value(p) === value(first)).map((p) => p.name) : [];
  const pods = unique([...logged, ...named]);
  const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
  const ref = found.server === 'Kafka' || found.server === 'NATS' ? pickMissingDestinationServers(ev) : undefined;
  const brokers = ref === undefined ? undefined : ev.dependencyMembers?.find((m) => m.namespace === ref.namespace && m.service === ref.name);
  const auto = brokers === undefined ? undefined : findAutoCreate(brokers);
  const noAuto = auto !== undefined && auto.value.toLowerCase() === 'false';
  const nats = found.server === 'NATS';
  const defined = nats && brokers !== undefined ? findDefinedStreams(brokers) : [];
  const where = ref !== undefined ? `the ${nats ? 'servers' : 'brokers'} of ${ref.namespace}/${ref.name}` : found.server === 'Kafka' ? 'the brokers' : nats ? 'the NATS servers' : 'the broker';
  const lines = `${found.count} line${found.count === 1 ? '' : 's'} in the logs of ${logged.length} pod${logged.length === 1 ? '' : 's'}`;
  const unacked = found.unacked === undefined ? '' : `, and its publishes${found.unacked.subjects.length > 0 ? ` to ${found.unacked.subjects.slice(0, 2).join(', ')}${found.unacked.subjects.length > 2 ? ', …' : ''}` : ''} get no stream ack (no responders)`;
  const title = nats
    ? `${nameOf(found)} does not exist on ${where}: they answer "${found.answer}" (${lines})${unacked}${defined.length > 0 ? ` — they define ${defined.map((d) => d.value).slice(0, 3).join(', ')}` : ''}`
    : `${nameOf(found)} does not exist on ${where}: ${found.server === 'Kafka' ? 'they answer' : 'it answers'} ${found.answer} (${lines})${noAuto ? ' and create no topic on first use (auto.create.topics.enable=false)' : ''}`;
  const destination = found.name !== undefined ? `${found.kind} ${found.name}` : `the ${found.kind}`;
  const fix = found.server === 'Kafka'
    ? `create ${destination} in the Kafka cluster (with the partitions and replication its siblings have)`
    : nats
      ? `restore the stream name and subjects the client's configuration had${defined.length > 0 ? ` (the servers define ${defined.map((d) => d.value).slice(0, 3).join(', ')})` : ''}, or create ${destination} with the subjects it publishes to`
      : `declare ${destination} in RabbitMQ (or let the client declare it)`;
  const kafkaCheck = found.name !== undefined ? `kafka-topics.sh --bootstrap-server localhost:9092 --describe --topic ${found.name}` : 'kafka-topics.sh --bootstrap-server localhost:9092 --list';
  const broker = brokers?.pods.find((p) => p.ready);
  const onset = found.since;
  return [{
    id: `missing-destination/${found.server.toLowerCase()}/${found.name ?? found.kind}`,
    kind: 'missing-destination',
    title,
    layer: 'container/process',
    severity: severityForPods(ev, pods.length),
    confidence: found.name !== undefined ? 'high' : 'medium',
    evidence: [
      ...found.hits.slice(0, 3).map((h) => `log ${h.log.pod}: ${h.count} line${h.count === 1 ? '' : 's'} carry ${found.answer}${found.name !== undefined ? ` for ${found.name}` : ''}`),
      ...(env !== undefined && first !== undefined ? [`env ${env.name} of container ${env.container} = "${value(first) ?? ''}"`] : []),
      ...(auto !== undefined ? [`${auto.where}: auto.create.topics.enable=${auto.value}`] : []),
      ...(found.unacked !== undefined ? [`${found.unacked.count} publish${found.unacked.count === 1 ? '' : 'es'} answered "no responders" (no stream captures the subject)${found.unacked.subjects.length > 0 ? `: ${found.unacked.subjects.join(', ')}` : ''}`] : []),
      ...defined.map((d) => `${d.where} defines stream ${d.value}`),
      ...(brokers !== undefined ? [`pods of ${brokers.service} in ${brokers.namespace}: ${brokers.pods.filter((p) => p.ready).length}/${brokers.pods.length} Running and ready`] : []),
    ],
    decisive: found.quote,
    ...(onset !== undefined ? { onset } : {}),
    likelyCause: found.server === 'Kafka'
      ? explainKafka(found, auto)
      : nats
      ? explainNats(found, defined)
      : `The broker answers, but it has no ${destination}: a ${found.kind} never declared, deleted, or a name changed in the client's configuration.${env !== undefined ? ` The client takes the name from env ${env.name}.` : ''}`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}, or point the client back at one that exists; until then every call that needs it fails, and restarting the pods changes nothing.`,
    fix,
    confirmCommands: [
      formatKubectl(ev.target, `logs ${logged[0] ?? ''} --tail=100`),
      ...(found.server === 'Kafka' && broker !== undefined && brokers !== undefined ? [formatKubectl({ ...ev.target, namespace: brokers.namespace }, `exec ${broker.name} -- ${kafkaCheck}`)] : []),
      ...(nats ? ['nats stream ls'] : []),
    ],
    affected: { pods, nodes: listNodesOf(podObjects) },
  } satisfies Finding];
}
