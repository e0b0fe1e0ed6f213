/**
 * Which other Deployment of the namespace sends the messages the workload cannot take, when its
 * newest revision came just before the failures (tied-rollout.ts): besides the lines naming it,
 * the image and the part-of label, the producer shares with the consumer where the messages go
 * (the same topic, queue or stream in its env) or, with less weight, the broker both talk to.
 */
import type { TriageEvidence } from './evidence.js';
import type { ContractFailures } from './message-contract.js';
import { formatEnvValue } from './revision-diff.js';
import { type EnvTie, type RolloutLook, type TiedRollout, pickTiedRollout } from './tied-rollout.js';

export type ProducerRollout = TiedRollout;

/** An env var naming where messages go: the strongest tie between a producer and its consumer. */
const CHANNEL_ENV = /TOPIC|QUEUE|STREAM|EXCHANGE|SUBJECT|CHANNEL|ROUTING/i;
/** An env var naming the broker both talk to: a tie, though a broker serves many. */
const BROKER_ENV = /BROKER|BOOTSTRAP|KAFKA|AMQP|RABBIT|NATS|PULSAR|SQS|SNS|PUBSUB|CELERY/i;
/** A change of a revision that bears on the messages it writes. */
const FORMAT_CHANGE = /serial|format|codec|schema|encod|protocol|proto|avro|json|task|topic|queue|subject/i;

/** Both carry an env var of this kind with the same value. */
function sharedValue(re: RegExp, weight: number): EnvTie {
  return (mine, theirs) => {
    const e = mine.find((m) => re.test(m.name) && theirs.some((t) => t.value === m.value && re.test(t.name)));
    return e ? { by: `both use ${e.name} ${formatEnvValue(e)}`, weight } : undefined;
  };
}

/** How a sender of what the consumer's `pods` receive is looked for, before `onset`, named by `lines` or tied by the channel or broker (also index-mapping-sender.ts). */
export function lookForSender(onset: string, pods: readonly string[], lines: readonly string[]): RolloutLook {
  return { onset, pods, lines, strongEnv: sharedValue(CHANNEL_ENV, 3), weakEnv: sharedValue(BROKER_ENV, 2), bearing: FORMAT_CHANGE };
}

export function pickProducerRollout(ev: TriageEvidence, failures: ContractFailures): ProducerRollout | undefined {
  return pickTiedRollout(ev, lookForSender(failures.onset ?? ev.collectedAt, failures.hits.map((h) => h.pod), failures.context));
}
