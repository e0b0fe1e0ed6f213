/**
 * Meshed pods whose proxy sidecar cannot reach the mesh's control plane, while a component of that
 * control plane is down (crash-looping, OOM-killed) or gone: the proxies cannot resolve the services
 * the app calls, put them in fail-fast and answer the app's calls themselves (Linkerd: 503 "service
 * in fail-fast"). The app's errors are the proxy's answers; neither the app nor the service it calls
 * is at fault, and no revision of the workload would fare better. Bring the control plane back.
 */
import type { PodEvidence, TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { formatComponentState, pickComponentLine, readComponentState } from '../component-down.js';
import { componentOf, isLinkerdProxy, listControlPlaneLost } from '../mesh-control-plane.js';
import { formatPodShare, groupBy, listNodesOf, severityForPods } from '../pod-status.js';

const FAIL_FAST = /service in fail-fast/;

export function analyzeMeshControlPlane(ev: TriageEvidence): Finding[] {
  const cp = ev.meshControlPlane;
  if (cp?.pods === undefined) return [];
  const lost = listControlPlaneLost(cp.proxyLog.lines);
  if (lost.length === 0) return [];
  const components = [...groupBy(cp.pods, componentOf).entries()].map(([name, pods]) => ({ name, pods, state: readComponentState(pods) }));
  const down = components.filter((c) => c.state.down).sort((a, b) => Number(/destination/.test(b.name)) - Number(/destination/.test(a.name)));
  const absent = cp.complete && cp.pods.length === 0;
  if (down.length === 0 && !absent) return [];
  const meshed = ev.pods.filter((p: PodEvidence) => p.phase === 'Running' && [...p.containers, ...p.initContainers].some(isLinkerdProxy));
  const names = meshed.map((p) => p.name);
  const failFast = cp.proxyLog.lines.filter((l) => FAIL_FAST.test(l)).length;
  const first = down[0];
  const line = pickComponentLine(cp.logs);
  const oom = first?.state.lastExit?.reason === 'OOMKilled';
  const what = first === undefined
    ? `no pod of the ${cp.mesh} control plane runs in namespace ${cp.namespace}`
    : `${first.name} (namespace ${cp.namespace}) is down: ${formatComponentState(first.state)}`;
  const quoted = condenseStructuredLine(lost[lost.length - 1] ?? '');
  const answers = failFast > 0 ? ' and answer their calls themselves with 503 "service in fail-fast"' : '';
  const evidence = [
    `${cp.proxyLog.pod}/${cp.proxyLog.container}: ${lost.length} of its last ${cp.proxyLog.lines.length} lines say the control plane is out of reach${failFast > 0 ? `, ${failFast} answer "service in fail-fast"` : ''}`,
    `log ${cp.proxyLog.pod}/${cp.proxyLog.container}: ${quoted}`,
    ...down.map((c) => `${c.name} in ${cp.namespace}: ${formatComponentState(c.state)}`),
    ...components.filter((c) => !c.state.down).slice(0, 3).map((c) => `${c.name} in ${cp.namespace}: ${c.state.ready}/${c.state.total} pods ready`),
    ...(line !== undefined && cp.logs[0] !== undefined ? [`log ${cp.namespace}/${cp.logs[0].pod}/${cp.logs[0].container}${cp.logs[0].previous ? ' (previous run)' : ''}: ${line}`] : []),
  ];
  const container = first?.state.container;
  const raise = oom && first !== undefined
    ? `raise the memory limit of ${first.name}'s ${container ?? ''} container${first.state.memoryLimit !== undefined ? ` (${first.state.memoryLimit} now)` : ''} and run it with more than one replica`
    : first !== undefined ? `bring ${first.name} back${line !== undefined ? ' (fix what its log names)' : ''}` : `reinstall or restore the ${cp.mesh} control plane in ${cp.namespace}`;
  return [{
    id: `mesh-control-plane/${cp.namespace}`,
    kind: 'mesh-control-plane',
    title: `${cp.mesh} control plane down — ${what}. The ${cp.mesh} proxies of ${formatPodShare(ev, names.length)} cannot reach it ("Failed to resolve control-plane component")${answers}`,
    layer: 'network/routing',
    severity: severityForPods(ev, Math.max(names.length, 1)),
    confidence: 'high',
    evidence,
    decisive: quoted,
    likelyCause: `The ${cp.mesh} proxy resolves every service the app calls through the control plane's destination controller. ${first === undefined ? `No control-plane pod runs in ${cp.namespace}` : `${first.name} has no ready pod${oom ? ` (its ${container ?? ''} container is OOMKilled again and again${first.state.memoryLimit !== undefined ? ` at its ${first.state.memoryLimit} limit` : ''})` : ''}`}, so the proxies cannot resolve their destinations, mark them fail-fast and fail the calls before they leave the pod. The app's errors are the proxy's answers: the app and the services it calls are not at fault, and any revision fails the same way.`,
    nextAction: `Bring the ${cp.mesh} control plane back: ${raise}; the proxies resolve again once it serves. Nothing in the workload or the services it calls needs to change, and restarting its pods would not help.`,
    fix: raise,
    outsideWorkload: `the ${cp.mesh} proxies of pods of any revision resolve their destinations through the same control plane`,
    confirmCommands: [
      formatKubectl({ ...ev.target, namespace: cp.namespace }, 'get pods -l linkerd.io/control-plane-ns'),
      formatKubectl(ev.target, `logs ${cp.proxyLog.pod} -c ${cp.proxyLog.container} --tail=50`),
      ...(first !== undefined && cp.logs[0] !== undefined ? [formatKubectl({ ...ev.target, namespace: cp.namespace }, `describe pod ${cp.logs[0].pod}`)] : []),
    ],
    affected: { pods: names, nodes: listNodesOf(meshed) },
  }];
}
