import type { ContainerEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import { PROBE_TIMEOUT } from '../cpu-limit-cut.js';
import { condenseStructuredLine, eventContainer, listPodEvents } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, unique } from '../pod-status.js';
import { parseQuantity } from '../quantity.js';
import { truncate } from '../../text.js';

/**
 * A service mesh's sidecar proxy (Istio's istio-proxy, Linkerd's linkerd-proxy, an Envoy) held to
 * a small CPU limit. Every request in and out of the pod passes through it, so when traffic grows
 * the CFS quota throttles the proxy and every call waits in it: callers see timeouts (Envoy's
 * 504 UT, 503 URX) while the app's own CPU and log stay quiet and its pods stay Ready. The sign
 * the cluster keeps is the proxy failing its own health port for want of an answer in time.
 * Istio sets the limit per pod from the sidecar.istio.io/proxyCPULimit annotation (or the mesh's
 * global proxy resources), so it belongs to no image and no code change.
 */

/** The mesh's proxy: by container name or image. */
const MESH_PROXY_NAME = /^(istio-proxy|linkerd-proxy|envoy|envoy-sidecar|consul-dataplane|kuma-sidecar)$/;
const MESH_PROXY_IMAGE = /\/(proxyv2|linkerd2?-proxy|envoy|consul-dataplane|kuma-dp)(:|@|$)/;
/** A proxy limited to at most this many cores has no room for a traffic peak (Istio's default limit is 2 cores). */
const SMALL_LIMIT_CORES = 0.5;
/** What the proxy logs when it is short of CPU (Envoy's main-thread watchdog) or times out upstream. */
const PROXY_STARVED = /insufficient CPU|main thread was blocked|watchdog.*(miss|mega ?miss)/i;

function isMeshProxy(c: ContainerEvidence): boolean {
  return MESH_PROXY_NAME.test(c.name) || MESH_PROXY_IMAGE.test(c.image);
}

function cores(q: string | undefined): number | undefined {
  if (q === undefined) return undefined;
  const v = q.endsWith('m') ? Number(q.slice(0, -1)) / 1000 : parseQuantity(q);
  return v === undefined || !Number.isFinite(v) ? undefined : v;
}

export function analyzeSidecarCpuThrottled(ev: TriageEvidence): Finding[] {
  const live = ev.pods.filter((p) => p.deletionTimestamp === undefined);
  const names = unique(live.flatMap((p) => p.containers.filter(isMeshProxy).map((c) => c.name)));
  const findings: Finding[] = [];
  for (const name of names) {
    const limited = live.filter((p) => {
      const n = cores(p.containers.find((c) => c.name === name)?.resources.limits['cpu']);
      return n !== undefined && n <= SMALL_LIMIT_CORES;
    });
    if (limited.length === 0) continue;
    const timeouts = listPodEvents(ev, ['Unhealthy'], limited.map((p) => p.name)).filter((e) => eventContainer(e) === name && PROBE_TIMEOUT.test(e.message));
    if (timeouts.length === 0) continue;
    const hit = unique(timeouts.map((e) => e.object.name));
    const affected = limited.filter((p) => hit.includes(p.name));
    const spec = affected[0]?.containers.find((c) => c.name === name);
    const limit = spec?.resources.limits['cpu'] ?? '';
    const starved = ev.logs.filter((l) => l.container === name && !l.previous).flatMap((l) => l.lines.filter((x) => PROXY_STARVED.test(x)).map((line) => ({ pod: l.pod, line })));
    const probes = unique(timeouts.map((e) => /^(\w+)/.exec(e.message)?.[1]?.toLowerCase() ?? 'probe'));
    const failures = timeouts.reduce((n, e) => n + (e.count ?? 1), 0);
    const port = /:(\d+)\//.exec(timeouts[0]?.message ?? '')?.[1];
    const istio = /istio/.test(name) || /istio/.test(spec?.image ?? '');
    const others = (affected[0]?.containers ?? []).filter((c) => c.name !== name).map((c) => c.name);
    const appQuiet = listPodEvents(ev, ['Unhealthy'], affected.map((p) => p.name)).every((e) => eventContainer(e) === name);
    const setBy = istio ? 'the sidecar.istio.io/proxyCPULimit annotation (or the mesh\'s global proxy resources)' : 'the mesh\'s proxy resource settings';
    findings.push({
      id: `sidecar-cpu-throttled/${name}`,
      kind: 'cpu-starved',
      title: `The ${name} sidecar is CPU-throttled at its ${limit} CPU limit: its ${probes.join(' and ')} probe${port ? ` on port ${port}` : ''} times out on ${hit.length}/${live.length} pods${starved.length > 0 ? ' and it logs it is short of CPU' : ''}, so every request through it waits`,
      layer: 'container/process',
      severity: 'warning',
      confidence: starved.length > 0 || hit.length >= 2 ? 'high' : 'medium',
      evidence: [
        `container ${name} (${spec?.image ?? ''}) has a ${limit} CPU limit on ${limited.length}/${live.length} pods`,
        ...timeouts.slice(0, 2).map((e) => `${e.object.name}: ${e.count ?? 1}× "${truncate(e.message, 200)}"`),
        ...starved.slice(0, 1).map((s) => `log ${s.pod} (${name}): ${truncate(condenseStructuredLine(s.line.trim()), 240)}`),
        ...(appQuiet && others.length > 0 ? [`the other containers (${others.join(', ')}) fail no probe`] : []),
      ],
      decisive: `${name} CPU limit ${limit}`,
      likelyCause: `Every request into and out of the pod passes through the ${name} sidecar, which runs under a ${limit} CPU limit set by ${setBy}. Under load the CFS quota throttles it: requests wait in the proxy and time out (Envoy answers 504 UT / 503 URX), and it cannot even answer its own health port in time (${failures} probe failures), while the app's own CPU and log stay quiet.`,
      nextAction: `Raise the sidecar's CPU limit${istio ? ' (sidecar.istio.io/proxyCPULimit, or remove it to take the mesh default)' : ''} and roll the pods; check the proxy's log and throttling.`,
      fix: `raise the ${name} CPU limit${istio ? ' (sidecar.istio.io/proxyCPULimit)' : ''}`,
      confirmCommands: [formatKubectl(ev.target, `logs ${affected[0]?.name ?? ''} -c ${name} --tail=200`), formatKubectl(ev.target, 'top pods --containers')],
      affected: { pods: hit, nodes: listNodesOf(affected as PodEvidence[]) },
    });
  }
  return findings;
}
