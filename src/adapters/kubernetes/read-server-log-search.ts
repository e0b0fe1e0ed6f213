// A refusing server's log read deeper, once, when its tail held no line that says why it refuses
// (a Postgres past its wraparound stop limit logs only the refused statements; its "must be
// vacuumed within N transactions" warnings came hours before): one log read of at most
// SEARCH_TAIL_LINES lines and SEARCH_LIMIT_BYTES bytes, only after the tail read came back full.
// Only the matching lines are kept (the first and the newest few); the rest is dropped at once.
import type { DependencyPodEvidence } from '../../domain/triage/evidence-server-config.js';
import type { CollectContext } from './collect-context.js';
import { LOG_TAIL_LINES, splitLogLines } from './read-pod-details.js';

export interface ServerLogSearch {
  service: string;
  namespace?: string;
  pod: string;
  container: string;
  pattern: RegExp;
}

const SEARCH_TAIL_LINES = 5000;
/** The API cuts the tail after this many bytes: the oldest part of it, where the warnings are, is kept. */
const SEARCH_LIMIT_BYTES = 1_000_000;
/** Matching lines kept: the first says since when, the newest what it says now. */
const KEEP_NEWEST = 2;

/** The dependency pods with the matching older lines of their log attached. */
export async function readServerLogSearches(ctx: CollectContext, pods: readonly DependencyPodEvidence[], searches: readonly ServerLogSearch[]): Promise<DependencyPodEvidence[]> {
  // A tail shorter than the one asked for is the whole log: nothing older to find.
  const wanted = searches.filter((s) => pods.some((p) => p.pod.name === s.pod && (p.logs[0]?.lines.length ?? 0) >= LOG_TAIL_LINES));
  if (wanted.length === 0) return [...pods];
  const got = await ctx.reads.each(wanted, { label: 'older log lines of a server that refuses the workload', source: 'dependencyPods', what: (s) => `logs of ${s.pod}/${s.container}`, limit: ctx.objectGate }, (s, options) =>
    ctx.clients.core.readNamespacedPodLog({ name: s.pod, namespace: s.namespace ?? ctx.namespace, container: s.container, tailLines: SEARCH_TAIL_LINES, limitBytes: SEARCH_LIMIT_BYTES }, options),
  );
  return pods.map((p) => {
    const found = got.find(({ item }) => item.pod === p.pod.name && item.service === p.service && item.namespace === p.namespace);
    if (found === undefined) return p;
    const matched = splitLogLines(found.value).filter((l) => found.item.pattern.test(l));
    const kept = matched.length <= KEEP_NEWEST + 1 ? matched : [matched[0] ?? '', ...matched.slice(-KEEP_NEWEST)];
    return kept.length === 0 ? p : { ...p, searched: [{ pod: p.pod.name, container: found.item.container, previous: false, lines: kept }] };
  });
}
