/**
 * What a workload's client logs about one peer's answers (responses too large, methods the server
 * lacks), and which Service of the namespace that peer is: the one the lines name, else the one the
 * client's env points at. Shared by the readings that then look at that peer's rollout
 * (oversized-peer.ts, grpc-unimplemented.ts).
 */
import type { LogEvidence, PodEvidence } from './evidence-pod.js';
import type { IsoTime } from './evidence-spec.js';
import type { ServiceEvidence } from './evidence-network.js';
import { namesService } from './called-service.js';
import { findInClusterService } from './down-service.js';
import { pickEnvDependency } from './env-dependency.js';
import { isPodFailing } from './pod-status.js';

/** Such lines in a ready pod's log tail before they count: one stray answer is not an outage. */
const READY_POD_THRESHOLD = 3;

export interface PeerSeen {
  logs: readonly LogEvidence[];
  pods: readonly PodEvidence[];
  services: readonly ServiceEvidence[];
  namespace: string;
  collectedAt: IsoTime;
}

export interface PeerLine<T> {
  pod: string;
  container: string;
  line: string;
  value: T;
}

/** The lines `parse` recognises: every one from a crashed or failing pod, a ready pod's only from the threshold on. */
export function collectPeerLines<T>(seen: PeerSeen, parse: (line: string) => T | undefined): PeerLine<T>[] {
  const hits: PeerLine<T>[] = [];
  for (const log of seen.logs) {
    const pod = seen.pods.find((p) => p.name === log.pod);
    if (pod === undefined) continue;
    const mine = log.lines.flatMap((line) => {
      const value = parse(line);
      return value === undefined ? [] : [{ pod: log.pod, container: log.container, line: line.trim(), value }];
    });
    if (mine.length > 0 && (log.previous || isPodFailing(pod, seen.collectedAt) || mine.length >= READY_POD_THRESHOLD)) hits.push(...mine);
  }
  return hits;
}

export interface PeerFound {
  /** The Service of the namespace the lines are about. */
  peer?: string;
  /** How: "the lines name it" or "env PRICING_ADDR". */
  peerBy?: string;
  /** The namespace's Services other than the workload's own, the candidates searched. */
  others: ServiceEvidence[];
}

/** The peer the lines name, else the one the first line's container's env points its client at. */
export function findPeerService(seen: PeerSeen, hits: readonly Omit<PeerLine<unknown>, 'value'>[], opts: { selectorOnly?: boolean } = {}): PeerFound {
  const own = new Set(seen.pods.flatMap((p) => seen.services.filter((s) => Object.keys(s.selector).length > 0 && Object.entries(s.selector).every(([k, v]) => p.labels[k] === v)).map((s) => s.name)));
  const others = seen.services.filter((s) => !own.has(s.name) && s.type !== 'ExternalName' && (opts.selectorOnly !== true || Object.keys(s.selector).length > 0));
  const named = others.find((s) => hits.some((h) => namesService(h.line, s, seen.namespace)));
  if (named) return { peer: named.name, peerBy: 'the lines name it', others };
  const first = hits[0];
  const container = first === undefined ? undefined : seen.pods.find((p) => p.name === first.pod)?.containers.find((c) => c.name === first.container);
  const dep = pickEnvDependency(container, [...new Set(hits.map((h) => h.line))]);
  const ref = dep === undefined ? undefined : findInClusterService(dep.host, seen.namespace);
  const service = ref?.namespace === seen.namespace ? others.find((s) => s.name === ref.name) : undefined;
  return service && dep ? { peer: service.name, peerBy: `env ${dep.env}`, others } : { others };
}
