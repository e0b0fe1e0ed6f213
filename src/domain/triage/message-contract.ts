/**
 * Messages a consumer cannot take because their sender and it disagree on the contract: a Celery
 * worker that "Received unregistered task of type 'x'" (and discards it), a Kafka deserializer that
 * finds an "Unknown magic byte!" (the record is not in the framing it expects), a payload that fails
 * to decode (Avro, Protobuf, JSON with a field it does not know). The consumer's pods stay Ready
 * and its code did not change: what changed is what the producer sends, so the producer's recent
 * rollout is the lead (read-namespace-rollouts.ts lists the namespace's ReplicaSets only when this
 * finds such failures; producer-rollout.ts picks the producer). The same holds the other way round
 * for request/reply: NATS answers "no responders" at once when nobody subscribes to the subject
 * any more — the responder's new revision moved or dropped it, not the unchanged requester.
 */
import type { LogEvidence, PodEvidence } from './evidence-pod.js';
import type { IsoTime } from './evidence-spec.js';
import { isPodFailing } from './pod-status.js';
import { readLineTime } from './request-silence.js';
import { HOUR_MS, earliest } from './time-span.js';

/** From the most telling to the least: a line of a stronger kind wins over a weaker one in the same trace. */
export type ContractBreak = 'no-responders' | 'unregistered-task' | 'framing' | 'decode';

export interface ContractLine {
  kind: ContractBreak;
  /** The words that say it: "Received unregistered task of type 'x'", "SerializationException: Unknown magic byte!". */
  quote: string;
  /** The task or message type the consumer does not know, or the field it refuses. */
  subject?: string;
}

const RULES: { kind: ContractBreak; re: RegExp }[] = [
  // NATS request/reply (nats.go, nats.js, jnats): the server knows no subscriber of the subject.
  { kind: 'no-responders', re: /nats: no responders available for request|\bno responders (?:are )?available for (?:the )?request/i },
  // Celery; Dramatiq; BullMQ; a Go/Node worker keyed by job type.
  { kind: 'unregistered-task', re: /Received unregistered task of type '([^']+)'/ },
  { kind: 'unregistered-task', re: /ActorNotFound: (?:[\w ]*?)'?([\w.:-]+)'?$/ },
  { kind: 'unregistered-task', re: /Missing process handler for job type ([\w.:-]+)/ },
  { kind: 'unregistered-task', re: /no handler (?:registered )?for (?:task|job|message) type:? '?([\w.:-]+)'?/i },
  // Confluent's deserializers: the first byte of a record they read is not their framing's 0.
  { kind: 'framing', re: /Unknown magic byte!?/ },
  { kind: 'decode', re: /Unrecognized field "([\w.-]+)"/ },
  { kind: 'decode', re: /json: unknown field "([\w.-]+)"/ },
  { kind: 'decode', re: /SerializationException: Error deserializing (?:Avro|JSON|Protobuf|key\/value)[^\n]*/i },
  { kind: 'decode', re: /InvalidProtocolBufferException[^\n]*|proto: cannot parse invalid wire-format data/ },
  // A consumer's own validation refusing a message for a field the producer no longer fills: the
  // producer renamed, dropped or renumbered it (Protobuf leaves a reused number among unknown fields).
  { kind: 'decode', re: /\b(?:rejected|discarded|dropped|dead-?lettered|skipped)\b[^\n]{0,80}?:\s*(?:required field )?"?([a-z][\w.]*)"? (?:is|was) (?:empty|missing|required|not set|null)\b/i },
  // A peer's message or response carrying an enum value the reader's enum does not have (Jackson,
  // serde): the writer added the value; the reader's code did not change.
  { kind: 'decode', re: /(?:Cannot deserialize value of type `[\w.$]+` )?from String "([\w.-]+)": not one of the values accepted for Enum class/ },
  { kind: 'decode', re: /unknown variant `([\w.-]+)`, expected one of/ },
  { kind: 'decode', re: /AvroTypeException[^\n]*|Malformed data\. Length is negative/ },
];

const RANK: Record<ContractBreak, number> = { 'no-responders': 0, 'unregistered-task': 1, framing: 2, decode: 3 };

/** The subject a request line names (`"subject":"pricing.quote"`, `subject=orders.get`). */
const SUBJECT = /\bsubject"?\s*[:=]\s*"?([\w.>*-]+)/i;

export function readContractLine(line: string): ContractLine | undefined {
  for (const { kind, re } of RULES) {
    const m = re.exec(line);
    if (!m) continue;
    // The exception's class right before the words, when there is one: "SerializationException: Unknown magic byte!".
    const cls = /(\w+(?:Exception|Error)): *$/.exec(line.slice(0, m.index));
    const quote = line.slice(cls ? cls.index : m.index, m.index + m[0].length).trim().slice(0, 200);
    const subject = m[1] ?? (kind === 'no-responders' ? SUBJECT.exec(line)?.[1] : undefined);
    return { kind, quote, ...(subject ? { subject } : {}) };
  }
  return undefined;
}

export interface ContractHit {
  pod: string;
  container: string;
  line: string;
  at?: IsoTime;
  read: ContractLine;
}

export interface ContractFailures {
  kind: ContractBreak;
  /** The lines of the strongest kind found, oldest first per log. */
  hits: ContractHit[];
  /** What they name (the task, the field), when they all name one. */
  subject?: string;
  /** The first failure with a time (the line's own, else the nearest stamped line above it). */
  onset?: IsoTime;
  /** The lines of the same logs around them: what the consumer does with a message it cannot take (discards, dead-letters). */
  context: string[];
}

/** Refusals in a ready pod's log tail before they count: one bad record is not an outage. */
const READY_POD_THRESHOLD = 3;
/** How far above a trace's line its stamped header may be. */
const STAMP_LOOKBACK = 40;

function stampAbove(lines: readonly string[], i: number): IsoTime | undefined {
  for (let j = i; j >= Math.max(0, i - STAMP_LOOKBACK); j--) {
    const t = readLineTime(lines[j] ?? '');
    if (t !== undefined) return t;
  }
  return undefined;
}

export function findContractFailures(seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; collectedAt: IsoTime }): ContractFailures | undefined {
  const all: ContractHit[] = [];
  const context: string[] = [];
  for (const log of seen.logs) {
    const pod = seen.pods.find((p) => p.name === log.pod);
    if (pod === undefined) continue;
    const mine = log.lines.flatMap((line, i) => {
      const read = readContractLine(line);
      if (read === undefined) return [];
      const at = stampAbove(log.lines, i);
      return [{ pod: log.pod, container: log.container, line: line.trim(), read, ...(at ? { at } : {}) }];
    });
    // A trace states one failure several times (the wrapper, the cause): count the strongest kind only.
    const best = Math.min(...mine.map((h) => RANK[h.read.kind]));
    const counted = mine.filter((h) => RANK[h.read.kind] === best);
    if (counted.length > 0 && (log.previous || isPodFailing(pod, seen.collectedAt) || counted.length >= READY_POD_THRESHOLD)) {
      all.push(...mine);
      context.push(...log.lines);
    }
  }
  if (all.length === 0) return undefined;
  const kind = all.reduce<ContractBreak>((k, h) => (RANK[h.read.kind] < RANK[k] ? h.read.kind : k), 'decode');
  const hits = all.filter((h) => h.read.kind === kind);
  const subjects = [...new Set(hits.flatMap((h) => h.read.subject ?? []))];
  const onset = earliest(all.flatMap((h) => h.at ?? []));
  return { kind, hits, ...(subjects.length === 1 ? { subject: subjects[0] } : {}), ...(onset ? { onset } : {}), context };
}

/** How far before the first failure another workload's rollouts are worth listing. */
export const PRODUCER_LOOKBACK_MS = 3 * HOUR_MS;

/** When to list the namespace's rollouts: contract failures seen, and since when (undefined: none). */
export function needsNamespaceRollouts(seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; collectedAt: IsoTime }): { since: IsoTime } | undefined {
  const found = findContractFailures(seen);
  if (found === undefined) return undefined;
  const from = Date.parse(found.onset ?? seen.collectedAt) - PRODUCER_LOOKBACK_MS;
  return { since: new Date(from).toISOString() };
}
