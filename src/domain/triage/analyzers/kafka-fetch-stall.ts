import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { type CodecProducer, type FetchStall, ZSTD_SINCE, describePartitions, findFetchStall, findZstdProducer, predatesZstd } from '../kafka-fetch-stall.js';
import { isPodFailing, listNodesOf } from '../pod-status.js';
import { describeRevisionAt } from '../revision-diff.js';
import { formatSpan, msBetween } from '../time-span.js';

/**
 * A Kafka consumer whose fetches of the same partitions fail again and again while its pods stay
 * Ready (kafka-fetch-stall.ts): it consumes nothing and its lag grows, though it logs only WARN lines.
 * When the broker's answer is error 76 (UNSUPPORTED_COMPRESSION_TYPE) the consumer's client predates
 * zstd, and the producer of the namespace whose new revision set zstd is the trigger.
 */
export function analyzeKafkaFetchStall(ev: TriageEvidence): Finding[] {
  const stall = findFetchStall(ev.logs, ev.pods, ev.collectedAt, ev.clientVersion);
  if (stall === undefined) return [];
  const name = ev.target.name;
  const now = ev.collectedAt;
  const producer = stall.codec ? findZstdProducer(ev.namespaceRollouts ?? [], name, stall.onset ?? now) : undefined;
  const pods = ev.pods.filter((p) => stall.pods.includes(p.name));
  const ready = pods.filter((p) => !isPodFailing(p, now)).length;
  const parts = describePartitions(stall.partitions);
  const span = stall.onset !== undefined ? ` over ${formatSpan(Math.max(0, msBetween(stall.onset, now)))}` : '';
  const where = `${stall.lines} fetch errors${span} in ${stall.pods.length} ${ready === pods.length ? 'ready ' : ''}pod${stall.pods.length === 1 ? '' : 's'}`;
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  if (!stall.codec) return [unhandledFetchError(ev, stall, parts, where, pods)];

  const client = describeClient(stall);
  const since = producer ? ` — since ${producer.deployment}'s ${describeRevisionAt(producer.newest, now)} set ${producer.written}${producer.from !== undefined ? ` (was ${producer.from})` : ''}` : '';
  const fix = writeFix(name, producer);
  return [{
    id: 'dependency-error/kafka-fetch-codec',
    kind: 'dependency-error',
    title: `${name} cannot consume ${parts}: the brokers refuse every fetch with error 76 (UNSUPPORTED_COMPRESSION_TYPE): the records are zstd, which ${client}${since}: ${where}`,
    ...(producer ? { datesChange: true as const } : {}),
    layer: 'container/process',
    severity: 'critical',
    confidence: producer ? 'high' : 'medium',
    evidence: [
      `log ${stall.pods[0] ?? ''}: ${condenseStructuredLine(stall.line)}`,
      stall.clientVersion !== undefined ? `${name}'s Kafka client: version ${stall.clientVersion} (its AppInfoParser start-up line${ev.clientVersion ? `, log of ${ev.clientVersion.pod}: ${ev.clientVersion.line.trim().slice(0, 200)}` : ''})` : `${name}'s Kafka client does not know error code 76 (its log says "Unexpected error code: 76"): a client older than ${ZSTD_SINCE}`,
      ...(producer ? [
        `Deployment ${producer.deployment}: revision ${producer.newest.revision} (${producer.newest.containers.map((c) => c.image).join(', ')}) rolled out ${describeRevisionAt(producer.newest, now).replace(/^revision \d+ /, '')}${producer.newest.changeCause ? ` — ${producer.newest.changeCause}` : ''}; it sets ${producer.written}${producer.previous ? `, revision ${producer.previous.revision} before it ${producer.from !== undefined ? `set ${producer.from}` : 'did not'}` : ''}`,
      ] : []),
    ],
    decisive: condenseStructuredLine(stall.line),
    ...(stall.onset ? { onset: stall.onset } : {}),
    outsideWorkload: `the records' codec is the producer's: any revision of ${name} on the same Kafka client is refused the same way`,
    likelyCause: `Error 76 is UNSUPPORTED_COMPRESSION_TYPE: a partition holding zstd-compressed batches can only be fetched with the fetch request of Kafka ${ZSTD_SINCE} or later (KIP-110), so the brokers refuse every fetch of ${name}: ${client.replace(/ (predates|older than)(?=[ :])/, ' $1 zstd')}. It logs only WARN lines, stays at the first zstd offset of each partition and its pods stay Ready while its lag grows. ${producer ? `${producer.deployment}'s revision ${producer.newest.revision} set ${producer.written} ${describeRevisionAt(producer.newest, now).replace(/^revision \d+ \(/, '(')}, before the first fetch error; ${name}'s own deployment did not change.` : 'A producer of the topic began to compress with zstd (its compression.type), or a client upgrade made zstd its default.'} Restarting ${name} changes nothing.`,
    nextAction: `${cap(fix)}. The consumer resumes from the offset it stopped at; nothing is lost while the records stay within the topic's retention.`,
    fix,
    confirmCommands: [
      formatKubectl(ev.target, `logs ${stall.pods[0] ?? ''} --tail=200`),
      ...(producer ? [formatKubectl(ev.target, `rollout history deployment/${producer.deployment} --revision=${producer.newest.revision}`)] : []),
    ],
    affected: { pods: stall.pods, nodes: listNodesOf(pods) },
  }];
}

/** "its Kafka client version 2.0.1 predates (zstd needs ≥ 2.1)", from its start-up line, else from the code it does not know. */
function describeClient(stall: FetchStall): string {
  const v = stall.clientVersion;
  if (v !== undefined && predatesZstd(v)) return `its Kafka client version ${v} predates (zstd needs a client ≥ ${ZSTD_SINCE}, KIP-110)`;
  if (v !== undefined) return `its Kafka client version ${v} fetches with a request older than (zstd needs ≥ ${ZSTD_SINCE})`;
  return `its client version predates: it does not know error 76 (zstd needs a client ≥ ${ZSTD_SINCE}, KIP-110)`;
}

function writeFix(name: string, p: CodecProducer | undefined): string {
  const upgrade = `upgrade ${name}'s Kafka client to ${ZSTD_SINCE} or later`;
  if (p === undefined) return `set the producer's compression.type back to lz4 or snappy, or ${upgrade}`;
  const back = p.from !== undefined && p.from !== 'zstd' ? p.from : 'lz4 (or snappy)';
  return `set ${p.deployment}'s ${p.written.replace(/=.*$/, '')} back to ${back}${p.previous ? ` (or roll ${p.deployment} back to revision ${p.previous.revision})` : ''} until ${name} runs a Kafka client ≥ ${ZSTD_SINCE}; then ${upgrade}`;
}

/** Fetch errors the client does not handle, of the same partitions again and again, without a code that says why. */
function unhandledFetchError(ev: TriageEvidence, stall: FetchStall, parts: string, where: string, pods: TriageEvidence['pods']): Finding {
  const name = ev.target.name;
  const code = /Unexpected error code:? ?(\d+)/.exec(ev.logs.flatMap((l) => l.lines).find((x) => /Unexpected error code/.test(x)) ?? '')?.[1];
  const version = stall.clientVersion !== undefined ? ` (Kafka client version ${stall.clientVersion})` : '';
  return {
    id: 'dependency-error/kafka-fetch-stall',
    kind: 'dependency-error',
    title: `${name} cannot consume ${parts}: every fetch is answered with an error its client does not handle${code ? ` (error code ${code})` : ''} — ${where}`,
    layer: 'container/process',
    severity: 'warning',
    confidence: 'medium',
    evidence: [`log ${stall.pods[0] ?? ''}: ${condenseStructuredLine(stall.line)}`, ...(stall.clientVersion !== undefined ? [`${name}'s Kafka client: version ${stall.clientVersion}`] : [])],
    decisive: condenseStructuredLine(stall.line),
    ...(stall.onset ? { onset: stall.onset } : {}),
    likelyCause: `The brokers answer every fetch of these partitions with an error ${name}'s client${version} does not handle, so it retries the same offset and consumes nothing; its pods stay Ready and it logs only WARN lines. An error code the client does not know usually means the brokers or a producer use a feature newer than the client.`,
    nextAction: `Look up the error in the brokers' logs for these partitions and what changed on the topic (a producer's new revision, the topic's config); upgrade ${name}'s Kafka client if it predates what the topic now holds.`,
    fix: `find what the brokers refuse in ${name}'s fetches and make the client and the topic agree`,
    confirmCommands: [formatKubectl(ev.target, `logs ${stall.pods[0] ?? ''} --tail=200`)],
    affected: { pods: stall.pods, nodes: listNodesOf(pods) },
  };
}
