/**
 * A member of a clustered store (Kafka, etcd, Elasticsearch/OpenSearch, PostgreSQL, Cassandra,
 * MongoDB, CockroachDB) that refuses to start because the data on its volume belongs to another
 * cluster, on a claim older than its StatefulSet: the controller did not make that claim, it found
 * one of the name it wanted (a leftover of the cluster this one replaced) and reused it. Raising
 * the replica count reaches such a leftover. The fix is the data, not the store's settings: a
 * fresh claim, or the stored identity cleared.
 */
import type { PodEvidence, PvcEvidence, TriageEvidence } from './evidence.js';
import { HOUR_MS, formatSpan, msBetween } from './time-span.js';

interface IdentityCheck {
  store: string;
  said: RegExp;
  /** Where the store keeps the identity it compares, to clear instead of the whole claim. */
  file: string;
}

/** What each store says when the identity on disk is another cluster's. */
const IDENTITY_CHECKS: readonly IdentityCheck[] = [
  { store: 'Kafka', said: /InconsistentClusterIdException|doesn'?t match stored clusterId|Invalid cluster\.id in\b/i, file: 'meta.properties' },
  { store: 'etcd', said: /member \w+ has already been bootstrapped|cluster ?ID mismatch/i, file: 'the member directory' },
  { store: 'Elasticsearch/OpenSearch', said: /previously joined a cluster with UUID|different cluster uuid|cluster uuid mismatch/i, file: 'the node\'s _state directory' },
  { store: 'PostgreSQL', said: /database system identifier differs/i, file: 'the data directory' },
  { store: 'Cassandra', said: /Saved cluster name \S+ != configured name/i, file: 'the system keyspace' },
  { store: 'MongoDB', said: /replica ?set ?id[^\n]*(?:did not|does not|doesn'?t) match/i, file: 'the local database' },
  { store: 'CockroachDB', said: /belongs to cluster \S+ but is attempting to connect/i, file: 'the store directory' },
];

/** A claim made by the StatefulSet is younger than it: this much older is someone else's. */
const OLDER_MS = HOUR_MS;

export interface ForeignClusterClaim {
  pod: string;
  claim: PvcEvidence & { createdAt: string };
  store: string;
  file: string;
  /** The store's refusal, cut after the sentence that names the mismatch (its guesses after that mislead). */
  line: string;
  /** When the StatefulSet was made; absent when unknown. */
  setAt?: string;
  /** The newest of the other ordinals' claims of the same template, when there are any. */
  peersAt?: string;
}

function cutAfterMismatch(line: string, at: number): string {
  const end = /\.(?=\s|$)/g;
  end.lastIndex = at;
  const m = end.exec(line);
  return (m ? line.slice(0, m.index + 1) : line).trim();
}

/** The claim template's other ordinals: `data-kafka-3` → `data-kafka-0`, `data-kafka-1`… */
function peersOf(claim: string, pvcs: readonly PvcEvidence[]): PvcEvidence[] {
  const stem = /^(.*-)\d+$/.exec(claim)?.[1];
  return stem === undefined ? [] : pvcs.filter((c) => c.name !== claim && c.name.startsWith(stem) && /^\d+$/.test(c.name.slice(stem.length)));
}

export function findForeignClusterClaim(ev: TriageEvidence, pods: readonly PodEvidence[], lines: readonly string[]): ForeignClusterClaim | undefined {
  const w = ev.workload;
  if (w?.kind !== 'StatefulSet') return undefined;
  let hit: { check: IdentityCheck; line: string } | undefined;
  for (const l of lines) {
    const check = IDENTITY_CHECKS.find((c) => c.said.test(l));
    if (check) {
      hit = { check, line: cutAfterMismatch(l, check.said.exec(l)?.index ?? 0) };
      break;
    }
  }
  if (hit === undefined) return undefined;
  for (const p of pods) {
    for (const v of p.volumes ?? []) {
      const claim = v.source === 'pvc' ? ev.pvcs.find((c) => c.name === v.ref) : undefined;
      if (claim?.createdAt === undefined) continue;
      const peers = peersOf(claim.name, ev.pvcs).flatMap((c) => (c.createdAt ? [c.createdAt] : []));
      const beforeSet = w.createdAt !== undefined && msBetween(claim.createdAt, w.createdAt) > OLDER_MS;
      const beforePeers = peers.length > 0 && peers.every((t) => msBetween(claim.createdAt!, t) > OLDER_MS);
      // Older than the set when its age is known; older than every sibling claim either way.
      if (!(w.createdAt !== undefined ? beforeSet && (peers.length === 0 || beforePeers) : beforePeers)) continue;
      const peersAt = peers.sort((a, b) => Date.parse(b) - Date.parse(a))[0];
      return {
        pod: p.name, claim: { ...claim, createdAt: claim.createdAt }, store: hit.check.store, file: hit.check.file, line: hit.line,
        ...(w.createdAt ? { setAt: w.createdAt } : {}), ...(peersAt ? { peersAt } : {}),
      };
    }
  }
  return undefined;
}

export function tellForeignClusterClaim(f: ForeignClusterClaim, setName: string, now: string): { title: string; cause: string; action: string; fix: string; evidence: string[] } {
  const age = (t: string) => formatSpan(msBetween(t, now));
  // The set's age says it all when known; the sibling claims' otherwise.
  const against = f.setAt ? `StatefulSet ${age(f.setAt)}` : `the other ordinals' claims ${age(f.peersAt ?? now)}`;
  const clear = f.file === 'meta.properties' ? 'clear meta.properties on it' : `clear ${f.file} on it`;
  return {
    title: `: claim ${f.claim.name} is a leftover ${age(f.claim.createdAt)} old (${against}) holding another ${f.store} cluster's data`,
    cause: `${f.pod} mounts claim ${f.claim.name}, made ${age(f.claim.createdAt)} ago, before ${f.setAt ? `StatefulSet ${setName} itself (${age(f.setAt)} old)` : `the claims of the other ordinals (${age(f.peersAt ?? now)} old)`}. The StatefulSet controller did not make it: it found a claim of the name it wanted and reused it, so ${f.pod} starts on the data of an earlier ${f.store} cluster, whose stored identity (${f.file}) is not this cluster's, and ${f.store} refuses to join. The store's connection settings are not at fault (the other members run with them); the data is.`,
    action: `After checking nothing on it is still needed (snapshot it if unsure), delete claim ${f.claim.name} and its volume so the controller provisions a fresh one, or ${clear}; ${f.pod} then starts and joins by itself.`,
    fix: `after checking nothing on it is needed, delete the leftover claim ${f.claim.name} (and its volume) so a fresh one is provisioned, or ${clear}`,
    evidence: [`claim ${f.claim.name}${f.claim.volumeName ? ` (volume ${f.claim.volumeName})` : ''}: created ${age(f.claim.createdAt)} ago; ${against}`],
  };
}
