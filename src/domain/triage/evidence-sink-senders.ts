/**
 * The workloads that send to a shared sink (an OpenTelemetry Collector) that refuses data for its
 * own memory, with their recent rollouts (sink-senders.ts): what fills a sink is what its senders
 * send, and the sender that rolled out just before its memory climbed is the change the sink's own
 * history does not show. Read only when the sink's log shows such refusals.
 */
import type { SenderRolloutEvidence } from './evidence-sender-rollouts.js';

export interface SinkSenderEvidence extends SenderRolloutEvidence {
  /** How its pod template points at the sink: the env variable and its value ("OTEL_EXPORTER_OTLP_ENDPOINT=http://otel-collector.observability:4317"). */
  via: string;
  /** The address is the node's own (status.hostIP): it sends through the node's agent, which forwards to the sink. */
  throughNodeAgent?: true;
}
