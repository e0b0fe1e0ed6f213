/**
 * An Istio mesh whose outboundTrafficPolicy is REGISTRY_ONLY routes a sidecar's calls only to
 * hosts in its registry (Services, ServiceEntries); a call to any other host is answered by the
 * sidecar itself: 502 on the route "block_all" for HTTP, a connection to BlackHoleCluster for TCP.
 * Under the default ALLOW_ANY such calls go to PassthroughCluster instead, so those names in the
 * sidecar's access log say the mode and the missing ServiceEntry. Read by the collector (whose
 * sidecar log to read) and by the analyzer.
 */
import type { LogEvidence, PodEvidence } from './evidence.js';
import { isPublicHostname } from './egress-rules.js';
import { findIstioSidecar } from './mesh-protocol.js';

/** The app's own words for a gateway error from a host outside the cluster. */
const BAD_GATEWAY = /\b502\b|Bad Gateway/i;
const URL_HOST = /\bhttps?:\/\/([a-z0-9.-]+)/gi;

function outsideHosts(line: string): string[] {
  return [...line.matchAll(URL_HOST)].map((m) => m[1] ?? '').filter(isPublicHostname);
}

/** A pod with an Istio sidecar whose app log has 502s from a host outside the cluster: its sidecar's log says whether the mesh answered. */
export function pickEgressProxyLog(pods: readonly PodEvidence[], logs: readonly LogEvidence[]): { pod: string; container: string } | undefined {
  for (const log of logs) {
    const pod = pods.find((p) => p.name === log.pod);
    const sidecar = pod === undefined ? undefined : findIstioSidecar(pod);
    if (pod === undefined || sidecar === undefined || log.container === sidecar) continue;
    if (log.lines.some((l) => BAD_GATEWAY.test(l) && outsideHosts(l).length > 0)) return { pod: pod.name, container: sidecar };
  }
  return undefined;
}

const BLOCKED = /\bblock_all\b|\bBlackHoleCluster\b/;
/** A quoted host in the access log: the request's authority ("api.example.com"). */
const QUOTED_HOST = /"([a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?)"/gi;

export interface MeshEgressBlock {
  /** The hosts the sidecar refused, most refused first. */
  hosts: string[];
  lines: { pod: string; line: string }[];
  /** The status the sidecar answered with (502), when an HTTP line says. */
  status?: string;
  pods: string[];
}

export function findMeshEgressBlock(logs: readonly LogEvidence[]): MeshEgressBlock | undefined {
  const lines = logs.flatMap((l) => l.lines.filter((x) => BLOCKED.test(x)).map((line) => ({ pod: l.pod, line: line.trim() })));
  if (lines.length === 0) return undefined;
  const counts = new Map<string, number>();
  for (const { line } of lines) {
    const host = [...line.matchAll(QUOTED_HOST)].map((m) => m[1] ?? '').find((h) => !/^\d+(\.\d+){3}(:\d+)?$/.test(h));
    if (host !== undefined) counts.set(host, (counts.get(host) ?? 0) + 1);
  }
  const hosts = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([h]) => h);
  const status = lines.map((l) => /HTTP\/[\d.]+" (\d{3}) /.exec(l.line)?.[1]).find((s) => s !== undefined);
  return { hosts, lines, ...(status === undefined ? {} : { status }), pods: [...new Set(lines.map((l) => l.pod))] };
}
