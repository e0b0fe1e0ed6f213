// Where the brokers refuse a consumer's fetches for the records' codec (error 76) and the log tails
// read do not state its Kafka client version: the head of one stalled pod's current log
// (limitBytes, no tailLines — the client states its version when it starts), only the
// AppInfoParser version line kept (kafka-fetch-stall.ts readClientVersion).
import type { ClientVersionEvidence } from '../../domain/triage/evidence-client-version.js';
import { readClientVersion } from '../../domain/triage/kafka-fetch-stall.js';
import type { CollectContext } from './collect-context.js';
import { splitLogLines } from './read-pod-details.js';

/** The start of the log, where the client states its version. */
const HEAD_BYTES = 64_000;

export async function readConsumerClientVersion(ctx: CollectContext, at: { pod: string; container: string }): Promise<ClientVersionEvidence | undefined> {
  const r = await ctx.objectGate(() => ctx.reads.attempt((options) => ctx.clients.core.readNamespacedPodLog({ name: at.pod, namespace: ctx.namespace, container: at.container, limitBytes: HEAD_BYTES }, options)));
  if (!r.ok) {
    ctx.reads.failures.push({ what: `start of the log of ${at.pod}/${at.container} (its Kafka client version)`, source: 'logs', reason: r.reason, detail: r.detail });
    return undefined;
  }
  for (const line of splitLogLines(r.value)) {
    const version = readClientVersion(line);
    if (version !== undefined) return { pod: at.pod, container: at.container, line: line.trim(), version };
  }
  return undefined;
}
