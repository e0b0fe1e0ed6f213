/**
 * Who started sending the documents a search index refuses for its mapping
 * (index-mapping-conflict.ts): the Deployment whose events the indexer consumes and whose newest
 * revision came before the refusals — in the workload's namespace, or in another one its lines or
 * its channel name (sender-namespaces.ts), where only a Deployment tied to it counts (the lines
 * name it, or it writes the channel the indexer reads). What ties it is producer-rollout.ts' rule.
 */
import type { TriageEvidence } from './evidence.js';
import type { IsoTime } from './evidence-spec.js';
import type { LogEvidence, PodEvidence } from './evidence-pod.js';
import { type MappingConflicts, findMappingConflicts } from './index-mapping-conflict.js';
import { PRODUCER_LOOKBACK_MS } from './message-contract.js';
import { lookForSender } from './producer-rollout.js';
import { listSenderNamespaces } from './sender-namespaces.js';
import { type TiedRollout, pickTiedRollout } from './tied-rollout.js';

export interface MappingSender extends TiedRollout {
  /** Set when the Deployment is in another namespace than the workload's. */
  namespace?: string;
}

/**
 * A refused document keeps being refused as long as its sender sends it, and a log tail shows only
 * the last minutes of that: a tied sender's rollout this long before the first refusal seen is
 * still the suspect (and the reads look back as far).
 */
export const SENDER_LOOKBACK_MS = PRODUCER_LOOKBACK_MS;

/** When to read the rollouts of the namespace and of the namespaces the lines name: mapping refusals seen, since when, and where. */
export function needsMappingSenders(seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; collectedAt: IsoTime; namespace: string }): { since: IsoTime; namespaces: string[] } | undefined {
  const found = findMappingConflicts(seen);
  if (found === undefined) return undefined;
  const since = new Date(Date.parse(found.onset ?? seen.collectedAt) - SENDER_LOOKBACK_MS).toISOString();
  const containers = seen.pods.find((p) => found.hits.some((h) => h.pod === p.name))?.containers ?? [];
  return { since, namespaces: listSenderNamespaces({ lines: found.hits.map((h) => h.line), containers, namespace: seen.namespace }) };
}

/** A JSON line as its string fields, one `key=value` each, so a field naming the sender is quoted alone ("ce_source=/ns/name"). */
function splitFields(line: string): string[] {
  if (!line.startsWith('{')) return [line];
  try {
    const out: string[] = [];
    const walk = (o: unknown, key: string): void => {
      if (typeof o === 'string') out.push(`${key}=${o}`);
      else if (o !== null && typeof o === 'object') for (const [k, v] of Object.entries(o)) walk(v, k);
    };
    walk(JSON.parse(line), '');
    return out;
  } catch {
    return [line];
  }
}

export function pickMappingSender(ev: TriageEvidence, f: MappingConflicts): MappingSender | undefined {
  const look = { ...lookForSender(f.onset ?? ev.collectedAt, f.hits.map((h) => h.pod), f.hits.flatMap((h) => splitFields(h.line))), tiedWindowMs: SENDER_LOOKBACK_MS };
  const own = pickTiedRollout(ev, look);
  if (own?.by !== undefined) return own;
  const others = ev.senderRollouts ?? [];
  for (const namespace of [...new Set(others.map((r) => r.namespace))]) {
    const there = pickTiedRollout({ ...ev, namespaceRollouts: others.filter((r) => r.namespace === namespace) }, { ...look, tiedOnly: true });
    if (there !== undefined) return { ...there, namespace };
  }
  return own;
}
