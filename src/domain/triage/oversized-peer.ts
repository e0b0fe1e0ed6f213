/**
 * Responses the workload's client refuses for their size, and whose they are: the Service the
 * lines name, else the one the container's env points its client at (PRICING_ADDR=pricing-svc:9090).
 * The limit is the client's; what grew is the peer's answer, so the peer's recent rollout is the
 * lead (read-peer-rollout.ts reads its ReplicaSets only when this finds a peer).
 */
import { type OversizedMessage, parseOversizedMessage } from './message-size-limit.js';
import { type PeerSeen, collectPeerLines, findPeerService } from './peer-hits.js';

export interface OversizedHit {
  pod: string;
  container: string;
  line: string;
  message: OversizedMessage;
}

export interface OversizedResponses {
  hits: OversizedHit[];
  /** The Service of the namespace whose answers they are, when the lines or the env say. */
  peer?: string;
  /** How the peer was found: "env PRICING_ADDR" or "the lines name it". */
  peerBy?: string;
}

export function findOversizedResponses(seen: PeerSeen): OversizedResponses | undefined {
  const hits: OversizedHit[] = collectPeerLines(seen, parseOversizedMessage).map(({ value, ...h }) => ({ ...h, message: value }));
  if (hits.length === 0) return undefined;
  const { peer, peerBy } = findPeerService(seen, hits);
  return peer && peerBy ? { hits, peer, peerBy } : { hits };
}
