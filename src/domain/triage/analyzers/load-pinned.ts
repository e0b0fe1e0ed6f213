/**
 * Load pinned to the pods that ran before a scale-up. kube-proxy balances connections, not
 * requests (L4): clients that keep one long-lived connection (gRPC over HTTP/2 multiplexes every
 * call on it; keep-alive pools do the same) stay on the pods they connected to. The pods a
 * scale-up adds get no traffic until clients reconnect, while the old ones stay saturated; the
 * HPA averages over all pods, so the idle new ones hide the hot ones. Every pod is Ready: only
 * the logs of both groups, side by side, show it.
 */
import type { LogEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf } from '../pod-status.js';
import { countStrained, measureRequestActivity } from '../request-activity.js';
import type { RequestActivity } from '../request-activity.js';
import { splitByScaleUp } from '../scale-up-cohorts.js';
import { listSelectingServices } from '../service-match.js';
import { formatAgo, msBetween } from '../time-span.js';

/** Slow, expired or shed request lines per old pod's tail below this are noise, not saturation. */
const MIN_SLOW_PER_POD = 3;
/** New pods at or under this share of the old pods' activity serve "almost nothing". */
const IDLE_SHARE = 0.1;
/** An HPA scale this close to the new pods' creation is what added them. */
const SAME_SCALE_MS = 10 * 60_000;
/** Port names and appProtocols that speak HTTP/2 (gRPC, h2c). */
const HTTP2_PORT = /grpc|h2c|http2/i;
/** Log text of a gRPC server: the word, or a `/package.Service/Method` path. */
const GRPC_LOG = /\bgrpc\b|"\/[a-z][\w]*(?:\.[\w]+)+\/[A-Z]\w*"/i;

function currentLogOf(ev: TriageEvidence, p: PodEvidence): LogEvidence | undefined {
  const main = p.containers[0]?.name;
  return ev.logs.find((l) => l.pod === p.name && !l.previous && (main === undefined || l.container === main));
}

function mean(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

function speaksHttp2(ev: TriageEvidence, pods: readonly PodEvidence[], logs: readonly LogEvidence[]): boolean {
  const ports = listSelectingServices(ev).flatMap((s) => s.ports.flatMap((p) => [p.name ?? '', p.appProtocol ?? '', String(p.targetPort)]));
  const containerPorts = pods.flatMap((p) => p.containers.flatMap((c) => c.ports.map((x) => x.name ?? '')));
  return [...ports, ...containerPorts].some((n) => HTTP2_PORT.test(n)) || logs.some((l) => l.lines.some((x) => GRPC_LOG.test(x)));
}

/** A saturated server logs its requests slow, gives up on them at their caller's deadline, or refuses them for load (shed at an in-flight limit): all count. */
const strained = countStrained;

function describe(a: RequestActivity, side: string): string {
  const count = a.peakCount === undefined ? '' : `, at most ${a.peakCount} requests per stats line`;
  const expired = a.expired === 0 ? '' : `, ${a.expired} request${a.expired === 1 ? '' : 's'} past ${a.expired === 1 ? 'its' : 'their'} deadline`;
  const shed = a.shed === 0 ? '' : `, ${a.shed} request${a.shed === 1 ? '' : 's'} shed for load`;
  return `pod ${a.pod} (${side}): ${a.slow} slow-request line${a.slow === 1 ? '' : 's'}${expired}${shed} in its last ${a.lines} log lines${count}`;
}

/** What the old pods log of their saturation, in the order a reader weighs it: slow, past the deadline, shed. */
function describeStrain(old: readonly RequestActivity[]): string {
  const kinds = [
    ...(old.some((a) => a.slow > 0) ? ['slow requests'] : []),
    ...(old.some((a) => a.expired > 0) ? ['requests past their deadline'] : []),
    ...(old.some((a) => a.shed > 0) ? ['requests shed for load'] : []),
  ];
  return kinds.length <= 1 ? (kinds[0] ?? 'slow requests') : `${kinds.slice(0, -1).join(', ')} and ${kinds[kinds.length - 1]}`;
}

export function analyzeLoadPinned(ev: TriageEvidence): Finding[] {
  const cohorts = splitByScaleUp(ev.pods, ev.collectedAt);
  if (cohorts === undefined) return [];
  const read = (pods: readonly PodEvidence[]) => pods.flatMap((p) => currentLogOf(ev, p) ?? []);
  const oldLogs = read(cohorts.before);
  const newLogs = read(cohorts.after);
  if (oldLogs.length === 0 || newLogs.length === 0) return [];
  const old = oldLogs.map(measureRequestActivity);
  const young = newLogs.map(measureRequestActivity);
  // Saturation on every old pod read, next to none on the new ones.
  if (old.some((a) => strained(a) < MIN_SLOW_PER_POD)) return [];
  if (mean(young.map(strained)) > IDLE_SHARE * mean(old.map(strained))) return [];
  // Where stats lines count requests, the new pods must count almost none as well.
  const counted = old.every((a) => a.peakCount !== undefined) && young.every((a) => a.peakCount !== undefined);
  if (counted && mean(young.map((a) => a.peakCount ?? 0)) > IDLE_SHARE * mean(old.map((a) => a.peakCount ?? 0))) return [];

  const hpa = ev.hpas.find((h) => h.lastScaleTime !== undefined && Math.abs(msBetween(h.lastScaleTime, cohorts.at)) <= SAME_SCALE_MS);
  const at = hpa?.lastScaleTime ?? cohorts.at;
  const before = cohorts.before.length;
  const total = before + cohorts.after.length;
  const h2 = speaksHttp2(ev, [...cohorts.before, ...cohorts.after], [...oldLogs, ...newLogs]);
  const conns = h2 ? 'gRPC clients keep their long-lived HTTP/2 connections on the old pods' : 'clients keep their long-lived connections on the old pods';
  const scaler = hpa === undefined ? 'the scale-up' : `HPA ${hpa.name}'s scale-up`;
  const cpu = hpa?.metrics.find((m) => m.name === 'cpu' && m.current !== undefined);
  const callers = [...new Set((ev.serviceCallers ?? []).map((c) => c.owner ?? `pod ${c.pod}`))];
  const who = callers.length === 0 ? 'the callers' : `the callers (${callers.join(', ')})`;
  const decisive = old.find((a) => a.newestSlow !== undefined)?.newestSlow ?? old.find((a) => a.newestExpired !== undefined)?.newestExpired ?? old.find((a) => a.newestShed !== undefined)?.newestShed;
  return [{
    id: `load-pinned/${ev.target.name}`,
    kind: 'load-pinned',
    title: `Load is pinned to the ${before} pods from before the scale-up ${formatAgo(at, ev.collectedAt)} (${before} → ${total}): the ${cohorts.after.length} pods it added serve almost no requests while the older ones log ${describeStrain(old)} — ${conns}`,
    layer: 'network/routing',
    severity: 'warning',
    confidence: 'medium',
    evidence: [
      ...old.map((a) => describe(a, 'before the scale-up')),
      ...young.map((a) => describe(a, `added ${formatAgo(cohorts.at, ev.collectedAt)}`)),
      ...(hpa === undefined ? [] : [`HPA ${hpa.name}: ${hpa.currentReplicas} replicas (min ${hpa.minReplicas}, max ${hpa.maxReplicas}), last scaled ${formatAgo(at, ev.collectedAt)}${cpu ? `, CPU ${cpu.current} of target ${cpu.target ?? '?'} averaged over all pods, idle ones included` : ''}`]),
    ],
    likelyCause: `${h2 ? 'gRPC clients open one long-lived HTTP/2 connection to the Service and multiplex every call on it' : 'Clients keep long-lived (keep-alive, pooled, HTTP/2) connections to the Service and reuse them'}; kube-proxy balances at L4, per connection, not per request. The connections opened before the scale-up stay on the old pods, and the new pods get none until a client reconnects. The old pods stay saturated (slow requests, callers' deadlines expire) while the autoscaler's average, diluted by the idle pods, looks moderate, so adding pods does not help. Confirm with per-pod CPU (kubectl top pods) and each pod's request rate.`,
    nextAction: `Restart ${who} (a rollout restart) so they reconnect across all ${total} pods; then fix the balancing: client-side load balancing (round_robin over a headless Service, a dns:/// target), or a server-side MaxConnectionAge so clients reconnect and spread over new pods, or an L7 proxy or service mesh that balances per request.`,
    fix: h2 ? 'balance gRPC per request: client-side round_robin over a headless Service, or a server MaxConnectionAge' : 'make clients reconnect (a maximum connection age) or balance per request',
    ...(decisive === undefined ? {} : { decisive }),
    exposedByScaleUp: { at, from: before, to: total },
    outsideWorkload: 'the clients\' connections, not the pods, decide which pods get requests: any revision would be served the same way',
    confirmCommands: [
      formatKubectl(ev.target, 'top pods'),
      ...oldLogs.slice(0, 1).concat(newLogs.slice(0, 1)).map((l) => formatKubectl(ev.target, `logs ${l.pod} -c ${l.container} --tail=100`)),
    ],
    affected: { pods: cohorts.before.map((p) => p.name), nodes: listNodesOf(cohorts.before), services: listSelectingServices(ev).map((s) => s.name) },
  }];
}
