/**
 * A Service with a cluster IP that publishes not-ready addresses sends callers to pods that fail
 * readiness (see published-not-ready.ts). When those pods are young and have not restarted, they
 * are warming up, which is expected after a scale-up or a rollout: the probe is right, and the
 * callers' refusals and 503s are the Service's doing. The fix is to remove the setting from that
 * Service, not to touch the probe or the pods. Pods that stay not ready (old, restarting) have
 * their own cause; the Service's setting is then only context: it makes their failure the callers'.
 */
import type { PodEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { findNotReadyTraffic } from '../published-not-ready.js';
import type { NotReadyTraffic } from '../published-not-ready.js';
import { formatPodShare, listNodesOf, severityForPods } from '../pod-status.js';
import { MINUTE_MS, earliest, formatAgo, msBetween } from '../time-span.js';

/** Not ready for less than this since start, with no restart: warming up (loading caches, indexes, a JIT), not stuck. */
const WARMING_MS = 30 * MINUTE_MS;
/** A request line: the method and path a caller asked for (with the status before it, when the app logs it first). */
const REQUEST = /(?:\b[1-5]\d\d\s+)?\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(\/[^\s"?]*)/;
/** The kubelet's own probe requests, which every pod answers, ready or not. */
const PROBE_AGENT = /kube-probe/i;
const QUOTE_MAX = 160;

function startOf(pod: PodEvidence): string | undefined {
  const running = pod.containers.flatMap((c) => (c.state !== undefined && 'running' in c.state && c.state.running.startedAt !== undefined ? [c.state.running.startedAt] : []));
  return earliest(running) ?? pod.startTime ?? pod.createdAt;
}

function isWarming(pod: PodEvidence, now: string): boolean {
  const since = startOf(pod);
  return since !== undefined && msBetween(since, now) <= WARMING_MS && pod.containers.every((c) => c.restartCount === 0);
}

/** The newest line of the pods' current logs that serves a caller's request (not a probe), from the request on; 5xx first. */
function findServedRequest(ev: TriageEvidence, pods: readonly PodEvidence[]): string | undefined {
  const probePaths = new Set(pods.flatMap((p) => p.containers.flatMap((c) => [c.probes.readiness?.path, c.probes.liveness?.path, c.probes.startup?.path].filter((x): x is string => x !== undefined))));
  const names = new Set(pods.map((p) => p.name));
  const lines = ev.logs.filter((l) => names.has(l.pod) && !l.previous).flatMap((l) => l.lines).filter((line) => {
    const m = REQUEST.exec(line);
    return m !== null && !probePaths.has(m[1] ?? '') && !PROBE_AGENT.test(line);
  });
  const line = [...lines].reverse().find((l) => /\b5\d\d\b/.test(l)) ?? lines[lines.length - 1];
  if (line === undefined) return undefined;
  // A JSON line is quoted whole; a text line from the request on, past its timestamp, thread and logger.
  const from = line.trimStart().startsWith('{') ? line : line.slice(REQUEST.exec(line)?.index ?? 0);
  const text = from.replace(/\s+/g, ' ').trim();
  return text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX - 1)}…` : text;
}

export function analyzeServicePublishNotReady(ev: TriageEvidence): Finding[] {
  return findNotReadyTraffic(ev).map((t) => describe(ev, t));
}

function describe(ev: TriageEvidence, t: NotReadyTraffic): Finding {
  const { service, pods } = t;
  const name = service.name;
  const now = ev.collectedAt;
  const warming = pods.filter((p) => isWarming(p, now));
  const served = findServedRequest(ev, pods);
  const change = (ev.namespaceObjects ?? []).find((o) => o.kind === 'Service' && o.name === name);
  const changedAt = change?.changedAt ?? change?.createdAt ?? service.createdAt;
  const dated = changedAt === undefined ? '' : ` (the Service ${change?.changedAt !== undefined && change.changedAt !== change.createdAt ? 'last changed' : 'created'} ${formatAgo(changedAt, now)})`;
  const confirm = [
    formatKubectl(ev.target, `get service ${name} -o jsonpath='{.spec.clusterIP} {.spec.publishNotReadyAddresses}'`),
    formatKubectl(ev.target, `get endpointslices -l kubernetes.io/service-name=${name} -o yaml`),
  ];
  const evidence = [
    `Service ${name}: type ${service.type}, cluster IP ${service.clusterIP ?? '(set)'}, publishNotReadyAddresses: true${dated}`,
    `EndpointSlices of ${name} list ${pods.length} not-ready pod${pods.length === 1 ? '' : 's'} as ready (serving=false): ${pods.slice(0, 3).map((p) => p.name).join(', ')}${pods.length > 3 ? ', …' : ''}`,
    ...(served ? [`their own log shows callers' requests reaching them while not ready: "${served}"`] : []),
  ];
  const fix = `remove publishNotReadyAddresses from Service ${name} (it belongs only on a headless Service that names a StatefulSet's members)`;

  if (warming.length === 0) {
    // Pods stuck not ready have their own cause; the setting only hands their failure to the callers.
    return {
      id: `service-publish-not-ready/${name}`,
      kind: 'service-publish-not-ready',
      title: `Service ${name} also sends traffic to its ${pods.length} not-ready pod${pods.length === 1 ? '' : 's'}: publishNotReadyAddresses is set on a Service with a cluster IP`,
      layer: 'network/routing',
      severity: 'info',
      confidence: 'low',
      evidence,
      likelyCause: `publishNotReadyAddresses lists every pod of ${name} as ready in its EndpointSlices, so kube-proxy routes callers to pods that fail readiness as well; their own failure has its cause in the other findings, and this setting is why callers see it.`,
      nextAction: `Fix why the pods are not ready; then ${fix}.`,
      fix,
      confirmCommands: confirm,
      affected: { services: [name] },
    };
  }
  const since = earliest(warming.map(startOf));
  const ready = ev.pods.filter((p) => p.ready);
  // Ready pods of the same revision: what the warming pods run serves once warm.
  const sameRevision = ready.filter((p) => p.revisionHash !== undefined && warming.some((w) => w.revisionHash === p.revisionHash)).length;
  const warm = `warming up, started ${since === undefined ? 'recently' : formatAgo(since, now)}`;
  return {
    id: `service-publish-not-ready/${name}`,
    kind: 'service-publish-not-ready',
    title: `Service ${name} sends traffic to ${formatPodShare(ev, warming.length)} that are not ready (${warm}): publishNotReadyAddresses is set on this Service with a cluster IP, so its EndpointSlice lists them as ready`,
    layer: 'network/routing',
    severity: severityForPods(ev, pods.length),
    confidence: 'high',
    evidence: [...evidence, `${ready.length}/${ev.pods.length} pods ready${sameRevision > 0 ? `, ${sameRevision} of them on the same revision as the warming pods` : ''}`],
    likelyCause: `The pods are correctly not ready while they warm up, and their readiness probe says so; but publishNotReadyAddresses on ${name} makes the EndpointSlice controller list them as ready anyway (conditions.serving=false), and kube-proxy sends them their share of the callers' requests: connection refused until the server listens, then the errors the app gives while it is not ready (503). It happens after every scale-up or rollout. The setting is meant for a headless Service that gives a StatefulSet's members their names before they are ready, and is usually copied from one.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; the readiness probe is right, leave it and the pods alone. Until then, callers' errors last as long as new pods warm up.`,
    fix,
    ...(served ? { decisive: served } : {}),
    // Pods of the same revision serve once warm: a rollout is not what fails, any new pod meets the setting.
    ...(sameRevision > 0 ? { outsideWorkload: `any new pod of ${name}, of any revision, takes traffic before it is ready` } : {}),
    confirmCommands: confirm,
    affected: { pods: warming.map((p) => p.name), nodes: listNodesOf(warming), services: [name] },
  };
}
