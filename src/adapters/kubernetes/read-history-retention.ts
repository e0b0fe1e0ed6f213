// What the Kafka brokers say about a topic's retention, where a Connect worker's task died because
// its schema history topic is missing (history-retention.ts): the brokers' Service and pods
// (read-dependency-members.ts, through the bootstrap address the workers' env names) and one log
// read of each running broker (at most MAX_BROKERS, SEARCH_TAIL_LINES lines / SEARCH_LIMIT_BYTES
// each; only the lines that set a topic's retention.ms or delete its segments for retention kept).
import type { HistoryRetentionEvidence } from '../../domain/triage/evidence-history-retention.js';
import { keepRetentionLines } from '../../domain/triage/history-retention.js';
import type { CollectContext } from './collect-context.js';
import { splitLogLines } from './read-pod-details.js';
import { readDependencyMembers } from './read-dependency-members.js';

const MAX_BROKERS = 3;
const SEARCH_TAIL_LINES = 5000;
const SEARCH_LIMIT_BYTES = 1_000_000;

export async function readHistoryRetention(ctx: CollectContext, service: { name: string; namespace: string }): Promise<HistoryRetentionEvidence | undefined> {
  const members = await readDependencyMembers(ctx, service, 'a Connect task logs that its schema history topic is missing');
  if (members === undefined) return undefined;
  const { namespace } = members;
  const running = members.pods.filter((p) => p.phase === 'Running' && p.containers[0] !== undefined).slice(0, MAX_BROKERS);
  const logs = await ctx.reads.each(running.map((p) => p.name), { label: `logs of the brokers of ${members.service} (was the schema history topic deleted for retention?)`, source: 'dependencyMembers', what: (name) => `log of ${name} in ${namespace}`, limit: ctx.objectGate }, (name, options) =>
    ctx.clients.core.readNamespacedPodLog({ name, namespace, container: running.find((p) => p.name === name)?.containers[0]?.name ?? '', tailLines: SEARCH_TAIL_LINES, limitBytes: SEARCH_LIMIT_BYTES }, options),
  );
  const lines = keepRetentionLines(logs.flatMap(({ value }) => splitLogLines(String(value))));
  return { namespace, service: members.service, lines };
}
