/**
 * What a KEDA ScaledObject scales its workload on, read from the HPA KEDA made for it: KEDA names
 * each external metric `s<trigger index>-<scaler>-<what it measures>` ("s0-rabbitmq-invoices-generate",
 * "s1-kafka-orders"). When its scaler fails (KEDAScalerFailed), KEDA cannot read that queue or lag;
 * a workload at 0 replicas then stays at 0 however much work waits, because only KEDA activates it
 * from zero (the HPA is disabled there).
 */
import type { TriageEvidence } from './evidence.js';
import { getDesiredReplicas } from './pod-status.js';

const KEDA_METRIC = /^s\d+-(.+)$/;

/** Scaler name prefixes (as KEDA writes them into the metric name) and what each measures. */
const MEASURES: readonly [RegExp, string][] = [
  [/^rabbitmq-/, 'the length of a RabbitMQ queue'],
  [/^aws-sqs-/, 'the length of an SQS queue'],
  [/^azure-servicebus-/, 'the length of a Service Bus queue'],
  [/^azure-queue-/, 'the length of an Azure Storage queue'],
  [/^gcp-pubsub-/, 'the backlog of a Pub/Sub subscription'],
  [/^kafka-/, 'the consumer lag of a Kafka topic'],
  [/^redis-streams-/, 'the pending entries of a Redis stream'],
  [/^redis-/, 'the length of a Redis list'],
  [/^nats-jetstream-|^stan-/, 'the backlog of a NATS stream'],
  [/^activemq-|^artemis-|^ibmmq-/, 'the depth of a message queue'],
];

export interface KedaTrigger {
  metric: string;
  /** "the length of a RabbitMQ queue"; undefined for a scaler this table does not know. */
  measures?: string;
}

/** The triggers of the KEDA-made HPA of the workload (external metrics named the KEDA way). */
export function listKedaTriggers(ev: TriageEvidence): KedaTrigger[] {
  return ev.hpas.flatMap((h) => h.metrics.flatMap((m) => {
    const rest = KEDA_METRIC.exec(m.name)?.[1];
    if (rest === undefined) return [];
    const measures = MEASURES.find(([re]) => re.test(rest))?.[1];
    return [{ metric: m.name, ...(measures === undefined ? {} : { measures }) }];
  }));
}

/** Why a failing ScaledObject matters: what KEDA can no longer read, and that it will not scale up from zero. */
export function explainFailingScaler(ev: TriageEvidence): string | undefined {
  const triggers = listKedaTriggers(ev);
  if (triggers.length === 0) return undefined;
  const what = triggers.map((t) => (t.measures ? `${t.measures} (metric ${t.metric})` : `metric ${t.metric}`)).join(', ');
  const queued = triggers.some((t) => t.measures !== undefined);
  const atZero = getDesiredReplicas(ev) === 0;
  return `KEDA scales ${ev.target.name} on ${what}; while its scaler fails KEDA cannot read ${queued ? 'that backlog' : 'that metric'}${atZero ? `, so it does not activate ${ev.target.name} from 0 replicas however much work waits (the HPA is disabled at zero)` : ''}.`;
}
