/**
 * Responses the workload's client refuses for their size, and whose they are: the Service the
 * lines name, else the one the container's env points its client at (PRICING_ADDR=pricing-svc:9090).
 * The limit is the client's; what grew is the peer's answer, so the peer's recent rollout is the
 * lead (read-peer-rollout.ts reads its ReplicaSets only when this finds a peer).
 */
import type { LogEvidence, PodEvidence } from './evidence-pod.js';
import type { IsoTime } from './evidence-spec.js';
import type { ServiceEvidence } from './evidence-network.js';
import { namesService } from './called-service.js';
import { findInClusterService } from './down-service.js';
import { pickEnvDependency } from './env-dependency.js';
import { type OversizedMessage, parseOversizedMessage } from './message-size-limit.js';
import { isPodFailing } from './pod-status.js';

/** Refusals in a ready pod's log tail before they count: one oversized answer is not an outage. */
const READY_POD_THRESHOLD = 3;

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

export function findOversizedResponses(seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; services: readonly ServiceEvidence[]; namespace: string; collectedAt: IsoTime }): OversizedResponses | undefined {
  const hits: OversizedHit[] = [];
  for (const log of seen.logs) {
    const pod = seen.pods.find((p) => p.name === log.pod);
    if (pod === undefined) continue;
    const mine = log.lines.flatMap((line) => {
      const message = parseOversizedMessage(line);
      return message === undefined ? [] : [{ pod: log.pod, container: log.container, line: line.trim(), message }];
    });
    if (mine.length > 0 && (log.previous || isPodFailing(pod, seen.collectedAt) || mine.length >= READY_POD_THRESHOLD)) hits.push(...mine);
  }
  if (hits.length === 0) return undefined;
  const own = new Set(seen.pods.flatMap((p) => seen.services.filter((s) => Object.keys(s.selector).length > 0 && Object.entries(s.selector).every(([k, v]) => p.labels[k] === v)).map((s) => s.name)));
  const others = seen.services.filter((s) => !own.has(s.name) && s.type !== 'ExternalName');
  const named = others.find((s) => hits.some((h) => namesService(h.line, s, seen.namespace)));
  if (named) return { hits, peer: named.name, peerBy: 'the lines name it' };
  const first = hits[0] as OversizedHit;
  const container = seen.pods.find((p) => p.name === first.pod)?.containers.find((c) => c.name === first.container);
  const dep = pickEnvDependency(container, [...new Set(hits.map((h) => h.line))]);
  const ref = dep === undefined ? undefined : findInClusterService(dep.host, seen.namespace);
  const service = ref?.namespace === seen.namespace ? others.find((s) => s.name === ref.name) : undefined;
  return service && dep ? { hits, peer: service.name, peerBy: `env ${dep.env}` } : { hits };
}
