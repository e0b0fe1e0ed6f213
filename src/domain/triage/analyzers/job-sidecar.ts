import type { ContainerEvidence, PodEvidence, TerminatedStateEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { describePodCommand, formatKubectl } from '../kubectl-command.js';
import { listNodesOf, unique } from '../pod-status.js';
import { MINUTE_MS, formatAgo, msBetween } from '../time-span.js';

/** A finished main container and a still running companion this long after: the pod will not end by itself. */
const HELD_AFTER_MS = 5 * MINUTE_MS;

/** Mesh proxies, log shippers and other companions that never exit on their own. */
const KNOWN_COMPANIONS = /istio-proxy|linkerd-proxy|envoy|cloud-sql-proxy|vault-agent|fluent|datadog|otel/i;

/** How each mesh's proxy is ended with the work, or kept out of the Job; undefined for another companion. */
function adviseMeshExit(companions: readonly string[]): { mesh: 'Istio' | 'Linkerd'; fix: string } | undefined {
  const istio = companions.find((n) => /istio-proxy/i.test(n));
  if (istio !== undefined) {
    return { mesh: 'Istio', fix: `run ${istio} as a native sidecar (Kubernetes ≥ 1.28, Istio's ENABLE_NATIVE_SIDECARS), or end it when the job's command finishes (POST localhost:15020/quitquitquit), or exclude the Job from injection (sidecar.istio.io/inject: "false") if it needs no mesh` };
  }
  const linkerd = companions.find((n) => /linkerd-proxy/i.test(n));
  if (linkerd !== undefined) {
    return { mesh: 'Linkerd', fix: `run ${linkerd} as a native sidecar (Kubernetes ≥ 1.28, config.alpha.linkerd.io/proxy-enable-native-sidecar: "true"), or wrap the job's command in linkerd-await --shutdown (or POST localhost:4191/shutdown when it finishes), or exclude the Job from injection (linkerd.io/inject: disabled) if it needs no mesh` };
  }
  return undefined;
}

interface Held {
  pod: PodEvidence;
  done: ContainerEvidence;
  end: TerminatedStateEvidence;
  running: ContainerEvidence[];
}

function findHeld(ev: TriageEvidence): Held[] {
  return ev.pods.flatMap((pod) => {
    if (pod.jobName === undefined || pod.phase !== 'Running') return [];
    const done = pod.containers.find((c) => c.state !== undefined && 'terminated' in c.state && c.state.terminated.exitCode === 0);
    const end = done?.state !== undefined && 'terminated' in done.state ? done.state.terminated : undefined;
    if (done === undefined || end?.finishedAt === undefined || msBetween(end.finishedAt, ev.collectedAt) < HELD_AFTER_MS) return [];
    const running = pod.containers.filter((c) => c.state !== undefined && 'running' in c.state);
    return running.length === 0 ? [] : [{ pod, done, end, running }];
  });
}

/**
 * A Job pod whose work is done (its main container exited 0) but which keeps running because a
 * companion container (a mesh proxy injected as a regular container, a log shipper) never exits:
 * the pod never succeeds, the Job never completes, and whatever waits on it (a sync hook, the
 * next CronJob run) waits for ever. Not a failure of the work itself.
 */
export function analyzeJobSidecars(ev: TriageEvidence): Finding[] {
  const held = findHeld(ev);
  const first = held[0];
  if (first === undefined) return [];
  const companions = unique(held.flatMap((h) => h.running.map((c) => c.name)));
  const injected = companions.some((n) => KNOWN_COMPANIONS.test(n));
  const finishedAgo = first.end.finishedAt ? formatAgo(first.end.finishedAt, ev.collectedAt) : 'a while ago';
  const jobs = unique(held.map((h) => h.pod.jobName ?? ''));
  const mesh = adviseMeshExit(companions);
  // The namespace's injection, turned on before the held pods were created, is what put the proxy there: their creation is the onset.
  const injecting = mesh === undefined ? undefined : (ev.namespaceObjects ?? []).find((o) => o.kind === 'Namespace' && o.meshInjection?.mesh === mesh.mesh);
  const created = held.flatMap((h) => h.pod.createdAt ?? []).sort()[0];
  return [
    {
      id: `job-sidecar/${companions.join('+')}`,
      kind: 'job-sidecar',
      title: `Job ${jobs.join(', ')} cannot complete: ${first.done.name} finished (exit 0, ${finishedAgo}) but ${companions.join(', ')} keeps running, so the pod never ends`,
      layer: 'container/process',
      severity: 'critical',
      confidence: 'high',
      evidence: held.slice(0, 3).map((h) => `${h.pod.name}: ${h.done.name} terminated exit 0 (${h.end.reason ?? 'Completed'}) ${h.end.finishedAt ? formatAgo(h.end.finishedAt, ev.collectedAt) : ''}; still running: ${h.running.map((c) => c.name).join(', ')}`),
      likelyCause: injected
        ? `${companions.join(', ')} is a companion injected beside the job's container (a service mesh proxy, an agent) as a regular container: it does not exit when the work is done, so the pod stays Running and the Job never reaches Complete.`
        : `A second container of the pod keeps running after the main one finished, so the pod never succeeds and the Job never completes.`,
      nextAction: mesh !== undefined
        ? `${mesh.fix[0]?.toUpperCase() ?? ''}${mesh.fix.slice(1)}; then delete the held pod so the Job can finish.`
        : injected
        ? `Keep the mesh out of this Job (pod annotation sidecar.istio.io/inject: "false"), or run the proxy as a native sidecar (initContainers with restartPolicy: Always) or have the job tell it to quit when done; then delete the held pod so the Job can finish.`
        : `Make the second container exit when the work is done (or run it as a native sidecar); then delete the held pod.`,
      fix: mesh?.fix ?? `run ${companions.join(', ')} as a native sidecar (an init container with restartPolicy: Always, Kubernetes ≥ 1.28), or make it exit when the work is done`,
      ...(injecting !== undefined && created !== undefined ? { onset: created, buildsUp: 'the proxy was injected when the pod was created, long before the work finished and left the pod held open' } : {}),
      confirmCommands: [describePodCommand(ev.target, first.pod.name), formatKubectl(ev.target, `get pod ${first.pod.name} -o jsonpath='{.status.containerStatuses[*].state}'`)],
      affected: { pods: unique(held.map((h) => h.pod.name)), nodes: listNodesOf(held.map((h) => h.pod)) },
    },
  ];
}
