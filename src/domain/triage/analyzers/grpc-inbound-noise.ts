import type { LogEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import { findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { classifyGrpcServerTransport, type GrpcInboundKind, readBogusGreeting } from '../grpc-server-transport.js';
import { parseGoSocket } from '../inbound-connection.js';
import { formatKubectl } from '../kubectl-command.js';
import { isPodFailing, listNodesOf, unique } from '../pod-status.js';
import { listSelectingServices } from '../service-match.js';
import { analyzeServicePortProtocols } from './service-port-protocol.js';

/** A finished RPC the server logged with status OK (go-grpc-middleware, zap and logfmt shapes). */
const OK_CALL = /"grpc\.code"\s*:\s*"OK"|\bgrpc\.code=OK\b/;

/** gRPC-go's own log verbosity: at 2 and above it logs every connection its transport drops. */
const VERBOSITY_ENV = 'GRPC_GO_LOG_VERBOSITY_LEVEL';

interface Warning {
  log: LogEvidence;
  line: string;
  kind: GrpcInboundKind;
}

/**
 * gRPC-go's server transport warnings in the logs of Ready pods: inbound connections that do not
 * speak gRPC (an HTTP/1.1 "GET /" — a load balancer's HTTP health check) or close before their
 * first frame (a TCP health check, a scanner). While the pods are Ready they are noise, told as a
 * note so nobody takes them for the fault. Not when a Service sends another protocol to the port:
 * then the same lines are the fault (service-port-protocol.ts).
 */
export function analyzeGrpcInboundNoise(ev: TriageEvidence): Finding[] {
  const warnings: Warning[] = [];
  const ready: PodEvidence[] = [];
  let okCalls = 0;
  for (const log of ev.logs) {
    const pod = findPod(ev, log.pod);
    if (log.previous || !pod?.ready || isPodFailing(pod, ev.collectedAt)) continue;
    let mine = 0;
    for (const line of log.lines) {
      const kind = classifyGrpcServerTransport(line);
      if (kind !== undefined) {
        warnings.push({ log, line: line.trim(), kind });
        mine++;
      } else if (OK_CALL.test(line)) okCalls++;
    }
    if (mine > 0) ready.push(pod);
  }
  if (warnings.length === 0 || analyzeServicePortProtocols(ev).length > 0) return [];
  const greetings = warnings.filter((w) => w.kind === 'not-grpc');
  const closed = warnings.filter((w) => w.kind === 'closed');
  const requests = unique(greetings.flatMap((w) => readBogusGreeting(w.line) ?? []));
  const sockets = warnings.flatMap((w) => parseGoSocket(w.line) ?? []);
  const peers = unique(sockets.map((s) => s.remote.host));
  const ports = unique(sockets.map((s) => s.local.port));
  const pods = unique(ready.map((p) => p.name));
  const what = greetings.length > 0
    ? `clients that open with HTTP/1.1${requests.length > 0 ? ` (${requests.slice(0, 2).map((r) => `"${r}"`).join(', ')})` : ''}${closed.length > 0 ? ' or hang up before the first frame' : ''}: a load balancer's HTTP health check or a scanner on the gRPC port`
    : 'clients that hang up before the first frame: a load balancer\'s TCP health check or a scanner on the gRPC port';
  const fronting = listSelectingServices(ev).filter((s) => s.type === 'LoadBalancer' || s.type === 'NodePort');
  const verbose = unique(ready.flatMap((p) => p.containers.flatMap((c) => (c.env ?? []).flatMap((e) => (e.name === VERBOSITY_ENV && 'value' in e ? [`${c.name}: ${e.name}=${e.value}`] : [])))));
  const last = greetings.at(-1) ?? warnings.at(-1);
  const evidence = [
    `${warnings.length} gRPC server transport warning${warnings.length === 1 ? '' : 's'} in ${pods.length} ready pod${pods.length === 1 ? '' : 's'} (${pods.slice(0, 3).join(', ')}${pods.length > 3 ? ', …' : ''}): ${greetings.length} HTTP/1.1 greeting${greetings.length === 1 ? '' : 's'}, ${closed.length} connection${closed.length === 1 ? '' : 's'} closed by the client`,
    ...(peers.length > 0 ? [`the pods' side is their own port ${ports.join(', ')}; the peers (${peers.slice(0, 4).join(', ')}${peers.length > 4 ? ', …' : ''}) connect from client ports: inbound connections, not calls the pods make`] : []),
    ...(okCalls > 0 ? [`the same logs show ${okCalls} finished call${okCalls === 1 ? '' : 's'} with grpc.code OK`] : []),
    ...fronting.map((s) => `Service ${s.name} (${s.type}) exposes these pods outside the cluster: its load balancer health-checks them`),
    ...verbose.map((v) => `env ${v}: gRPC-go logs every connection its transport drops`),
    ...(last ? [`log ${last.log.pod}: ${last.line}`] : []),
  ];
  const service = ev.target.service;
  return [{
    id: 'inbound-noise/grpc-transport',
    kind: 'inbound-noise',
    title: `gRPC transport warnings in ${pods.length} ready pod${pods.length === 1 ? '' : 's'} are inbound connections that do not speak gRPC, from ${what} — noise, not a fault of ${service}`,
    layer: 'network/routing',
    severity: 'info',
    confidence: okCalls > 0 && (greetings.length > 0 || peers.length > 0) ? 'high' : 'medium',
    evidence,
    ...(last ? { decisive: last.line } : {}),
    likelyCause: 'gRPC-go logs a warning for each accepted connection that does not open with the HTTP/2 preface or closes before its first frame. A load balancer\'s HTTP or TCP health check aimed at the gRPC port (or a port scanner) does that on every probe. The pods are Ready and serve their RPCs, so these lines say nothing about the service\'s health.',
    nextAction: `Nothing to fix in the pods. To quiet the logs, point the load balancer's health check at the gRPC health service (grpc.health.v1) or at a dedicated HTTP port, or lower ${VERBOSITY_ENV}.`,
    fix: `point the load balancer's health check at a proper health port, or lower ${VERBOSITY_ENV}`,
    confirmCommands: [
      formatKubectl(ev.target, `logs ${pods[0] ?? ''} -c ${last?.log.container ?? ''} --tail=100`),
      ...fronting.slice(0, 1).map((s) => formatKubectl(ev.target, `get service ${s.name} -o jsonpath='{.metadata.annotations}'`)),
    ],
    affected: { pods, nodes: listNodesOf(ready) },
  }];
}
