import { describe, expect, it } from 'vitest';
import { analyzePodSandbox } from '../../../../src/domain/triage/analyzers/pod-sandbox.js';
import type { NodeAgentsEvidence, PodTemplateEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NODE_A, NODE_B, NS, REV6, REV7, baseEvidence, container, crashLooping, event, minutesAgo, pod, revision, terminated } from '../scenarios/builders.js';

const CALICO = 'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "5d1c7e0a9b3f": plugin type="calico" failed (add): stat /var/lib/calico/nodename: no such file or directory: check that the calico/node container is running and has mounted /var/lib/calico/';
const AGENT = 'calico-node-7xk2q';

/** Four pods run; the fifth was placed on NODE_A 17 minutes ago and never got a sandbox. */
function sandboxScenario(over: { message?: string; lastSeen?: string } = {}): TriageEvidence {
  const stuck = pod(5, {
    nodeName: NODE_A,
    phase: 'Pending',
    ready: false,
    createdAt: minutesAgo(17),
    startTime: minutesAgo(17),
    containers: [container({ state: { waiting: { reason: 'ContainerCreating' } }, ready: false })],
  });
  return baseEvidence({
    pods: [0, 1, 2, 3].map((i) => pod(i)).concat(stuck),
    events: [event({ object: { kind: 'Pod', name: stuck.name, namespace: NS }, reason: 'FailedCreatePodSandBox', message: over.message ?? CALICO, count: 31, firstSeen: minutesAgo(17), lastSeen: over.lastSeen ?? minutesAgo(0.5) })],
  });
}

function calicoAgents(ready: boolean): NodeAgentsEvidence {
  const agent = pod(9, {
    name: AGENT,
    nodeName: NODE_A,
    ready,
    createdAt: minutesAgo(25),
    labels: { 'k8s-app': 'calico-node' },
    containers: [ready ? container({ name: 'calico-node', image: 'docker.io/calico/node:v3.28.2' }) : crashLooping(AGENT, terminated(1, 'Error', 2), 9, { name: 'calico-node', image: 'docker.io/calico/node:v3.28.2' })],
  });
  return {
    node: NODE_A,
    agents: [{ namespace: 'kube-system', owner: 'DaemonSet calico-node', pod: agent }],
    logs: ready ? [] : [{ pod: AGENT, container: 'calico-node', previous: true, lines: ['2026-11-21 03:12:01.118 [INFO][9] startup/startup.go 427: Early log level set to info', '2026-11-21 03:12:01.201 [FATAL][9] startup/startup.go 1043: Unable to autodetect an IPv4 address: no valid IPv4 addresses found on the host interfaces'] }],
  };
}

describe('analyzePodSandbox', () => {
  it('names the node, and the CNI agent there that is down and why, when the node\'s agents were read', () => {
    const ev = { ...sandboxScenario(), nodeAgents: [calicoAgents(false)] };
    const [f] = analyzePodSandbox(ev);
    expect(f?.kind).toBe('pod-sandbox');
    expect(f?.title).toBe(`New pods on node ${NODE_A} get no network (1 pod stuck in ContainerCreating): its CNI agent there, kube-system/${AGENT}, is crash-looping (exit 1, 9 restarts), so calico cannot set up their network`);
    expect(f?.confidence).toBe('high');
    expect(f?.decisive).toMatch(/Unable to autodetect an IPv4 address/);
    expect(f?.evidence).toContain(`agent kube-system/${AGENT} (DaemonSet calico-node) on ${NODE_A}: crash-looping (exit 1, 9 restarts), image docker.io/calico/node:v3.28.2, created 25m ago`);
    expect(f?.likelyCause).toMatch(/that pod was created 25m ago, so an update or restart of its DaemonSet is the likely start/);
    expect(f?.nextAction).toBe(`Mitigate: cordon ${NODE_A} and delete the stuck pod so it starts on another node (the bot will not). Then get kube-system/${AGENT} running again (if its DaemonSet was just updated, roll that DaemonSet back).`);
    expect(f?.outsideWorkload).toBe('any new pod on that node, of any revision, gets no network there');
    expect(f?.affected).toEqual({ pods: [ev.pods[4]?.name], nodes: [NODE_A] });
  });

  it('says what the plugin cannot do when the node\'s agents were not read, or its agent is fine', () => {
    const [unread] = analyzePodSandbox(sandboxScenario());
    expect(unread?.title).toBe(`New pods on node ${NODE_A} get no network (1 pod stuck in ContainerCreating): CNI plugin calico cannot reach its agent on the node`);
    expect(unread?.confidence).toBe('medium');
    const [fine] = analyzePodSandbox({ ...sandboxScenario(), nodeAgents: [calicoAgents(true)] });
    expect(fine?.title).toBe(unread?.title);
  });

  it('says the node has no pod IP left when the plugin cannot assign one', () => {
    const [f] = analyzePodSandbox(sandboxScenario({ message: 'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "3f9c1e": plugin type="aws-cni" name="aws-cni" failed (add): add cmd: failed to assign an IP address to container' }));
    expect(f?.title).toMatch(/CNI plugin aws-cni cannot assign them an IP address$/);
    expect(f?.likelyCause).toMatch(/the node has no pod IP address left to give/);
  });

  it('says the node\'s max-pods exceeds the pod IPs the VPC CNI can address on its instance type, and advises max-pods, not a cordon twice', () => {
    const ev = sandboxScenario({ message: 'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "7a2d0c": plugin type="aws-cni" name="aws-cni" failed (add): add cmd: failed to assign an IP address to container' });
    ev.nodes = ev.nodes.map((n) => (n.name === NODE_A ? { ...n, labels: { ...n.labels, 'node.kubernetes.io/instance-type': 'c6i.xlarge' }, allocatable: { ...n.allocatable, pods: '250' }, capacity: { pods: '250' } } : n));
    const [f] = analyzePodSandbox(ev);
    expect(f?.title).toMatch(/CNI plugin aws-cni cannot assign them an IP address: the node's max-pods 250 exceeds the 58 pod IPs the VPC CNI can give a c6i\.xlarge$/);
    expect(f?.evidence).toContain(`node ${NODE_A}: instance type c6i.xlarge, max-pods 250; without prefix delegation the VPC CNI addresses 4 ENIs × (15 IPs − 1) + 2 = 58 pods`);
    expect(f?.nextAction).toMatch(/Then set max-pods to 58 for c6i\.xlarge nodes/);
    expect(f?.nextAction).toMatch(/prefix delegation/);
  });

  it('keeps the plain no-IP reading when the node\'s max-pods fits its instance type', () => {
    const ev = sandboxScenario({ message: 'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "7a2d0c": plugin type="aws-cni" name="aws-cni" failed (add): add cmd: failed to assign an IP address to container' });
    ev.nodes = ev.nodes.map((n) => (n.name === NODE_A ? { ...n, labels: { ...n.labels, 'node.kubernetes.io/instance-type': 'c6i.xlarge' }, allocatable: { ...n.allocatable, pods: '58' } } : n));
    const [f] = analyzePodSandbox(ev);
    expect(f?.title).toMatch(/cannot assign them an IP address$/);
  });

  it('stays silent about a sandbox failure that is not the network, an old one, or one of a pod that has started since', () => {
    expect(analyzePodSandbox(sandboxScenario({ message: 'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to create containerd task: OCI runtime create failed' }))).toEqual([]);
    expect(analyzePodSandbox(sandboxScenario({ lastSeen: minutesAgo(21 * 60) }))).toEqual([]);
    const started = sandboxScenario();
    started.pods = started.pods.map((p) => ({ ...p, phase: 'Running' as const, ready: true, containers: [container()] }));
    expect(analyzePodSandbox(started)).toEqual([]);
  });
});

describe('analyzePodSandbox: an object the pods\' own annotation names is missing', () => {
  const NAD = 'cannot find a network-attachment-definition (vlan130-macvlan) in namespace (payments): network-attachment-definitions.k8s.cni.cncf.io "vlan130-macvlan" not found';
  const MULTUS = `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "9a1": plugin type="multus-shim" name="multus-cni-network" failed (add): CmdAdd (shim): CNI request failed with status 400: 'Multus: GetNetworkDelegates: failed getting the delegate: getKubernetesDelegate: ${NAD}\n': StdinData: {"binDir":"/opt/cni/bin"}`;
  const template = (networks: string): PodTemplateEvidence => ({ annotations: { 'k8s.v1.cni.cncf.io/networks': networks }, initContainers: [], volumes: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] } });

  function multusScenario(olderNetworks: string): TriageEvidence {
    const ev = sandboxScenario({ message: MULTUS });
    const stuck = ev.pods[4];
    if (stuck) stuck.revisionHash = REV7.hash;
    return { ...ev, revisions: [revision(REV6, minutesAgo(21 * 24 * 60), { template: template(olderNetworks) }), revision(REV7, minutesAgo(18), { template: template('vlan130-macvlan') })] };
  }

  it('blames the annotation and the revision that changed it, not the node', () => {
    const [f] = analyzePodSandbox(multusScenario('media-vlan120'));
    expect(f?.title).toBe('New pods of revision 7 get no network (1 pod stuck in ContainerCreating): CNI plugin multus-shim cannot find network-attachment-definition vlan130-macvlan, which their annotation k8s.v1.cni.cncf.io/networks names (revision 7 changed it)');
    expect(f?.decisive).toBe(NAD);
    expect(f?.evidence).toContain('revision 7: pod annotation k8s.v1.cni.cncf.io/networks: "media-vlan120" → "vlan130-macvlan"');
    expect(f?.outsideWorkload).toBeUndefined();
    expect(f?.nextAction).not.toMatch(/cordon ip-/);
  });

  it('says the object is missing for any revision when the annotation did not change', () => {
    const [f] = analyzePodSandbox(multusScenario('vlan130-macvlan'));
    expect(f?.title).toMatch(/cannot find network-attachment-definition vlan130-macvlan, which their annotation k8s\.v1\.cni\.cncf\.io\/networks names$/);
    expect(f?.outsideWorkload).toMatch(/missing for pods of any revision/);
  });

  it('still blames the node when the missing name is in no annotation of the pods', () => {
    const ev = multusScenario('media-vlan120');
    ev.revisions = ev.revisions.map((r) => ({ ...r, template: template('media-vlan120') }));
    expect(analyzePodSandbox(ev)[0]?.title).toMatch(/^New pods on node /);
  });
});

describe('analyzePodSandbox: the API server refuses the CNI plugin', () => {
  const UNAUTHORIZED = 'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "7e2a": plugin type="calico" failed (add): error getting ClusterInformation: connection is unauthorized: Unauthorized';
  const FORBIDDEN = 'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "7e2a": plugin type="calico" failed (add): error getting ClusterInformation: clusterinformations.crd.projectcalico.org "default" is forbidden: User "system:serviceaccount:calico-system:calico-cni-plugin" cannot get resource "clusterinformations" in API group "crd.projectcalico.org" at the cluster scope';
  const TOKEN_LINE = '2026-11-21 03:13:41.602 [ERROR][91] cni-config-monitor/token_watch.go 108: Unable to create token for CNI kubeconfig error=Unauthorized';

  /** The calico agent on NODE_A, running and ready, whose own calls the API server refuses. */
  function refusedAgent(): NodeAgentsEvidence {
    const agent = pod(9, { name: AGENT, nodeName: NODE_A, createdAt: minutesAgo(40 * 24 * 60), labels: { 'k8s-app': 'calico-node' }, containers: [container({ name: 'calico-node', image: 'quay.io/calico/node:v3.28.2' })] });
    return { node: NODE_A, agents: [{ namespace: 'calico-system', owner: 'DaemonSet calico-node', pod: agent }], logs: [{ pod: AGENT, container: 'calico-node', previous: false, lines: ['2026-11-21 03:13:40.100 [INFO][70] felix/summary.go 100: Summarising 11 dataplane reconciliation loops', TOKEN_LINE] }] };
  }

  it('says new pods on every node get no network because the plugin\'s credentials are refused, and restarts its agent DaemonSet rather than cordoning the node', () => {
    const ev = { ...sandboxScenario({ message: UNAUTHORIZED }), nodeAgents: [refusedAgent()] };
    const [f] = analyzePodSandbox(ev);
    expect(f?.title).toBe('New pods on every node get no network (1 pod stuck in ContainerCreating): the API server rejects CNI plugin calico\'s credentials (Unauthorized)');
    expect(f?.decisive).toBe('error getting ClusterInformation: connection is unauthorized: Unauthorized');
    expect(f?.evidence).toContain(`log ${AGENT}: ${TOKEN_LINE}`);
    expect(f?.confidence).toBe('high');
    expect(f?.fix).toBe(`restart DaemonSet calico-system/calico-node (kubectl -n calico-system rollout restart ds/calico-node --context ${ev.target.context}) so it writes a fresh token into the CNI kubeconfig`);
    expect(f?.nextAction).not.toMatch(new RegExp(`cordon ${NODE_A}`));
    expect(f?.outsideWorkload).toMatch(/every node/);
  });

  it('counts the namespace\'s other pods refused the same way as its scope', () => {
    const ev = sandboxScenario({ message: UNAUTHORIZED });
    ev.events.push(event({ object: { kind: 'Pod', name: 'report-worker-6d5f7-q2x8z', namespace: NS }, reason: 'FailedCreatePodSandBox', message: UNAUTHORIZED, count: 12, firstSeen: minutesAgo(9), lastSeen: minutesAgo(0.3) }));
    const [f] = analyzePodSandbox(ev);
    expect(f?.title).toMatch(/\(1 pod stuck in ContainerCreating, and 1 other pod of namespace /);
    expect(f?.evidence.join('\n')).toMatch(/report-worker-6d5f7-q2x8z/);
  });

  it('names who may not do what when the API server forbids the plugin, and fixes the permission', () => {
    const [f] = analyzePodSandbox(sandboxScenario({ message: FORBIDDEN }));
    expect(f?.title).toBe('New pods on every node get no network (1 pod stuck in ContainerCreating): the API server forbids CNI plugin calico (system:serviceaccount:calico-system:calico-cni-plugin) to get clusterinformations');
    expect(f?.fix).toMatch(/^restore the permission of system:serviceaccount:calico-system:calico-cni-plugin to get clusterinformations/);
    expect(f?.nextAction).not.toMatch(new RegExp(`cordon ${NODE_A}`));
  });
});

describe('analyzePodSandbox: the node\'s runtime cannot pull its sandbox (pause) image', () => {
  const PAUSE = (ip: string) => `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to get sandbox image "k8s.gcr.io/pause:3.5": failed to pull image "k8s.gcr.io/pause:3.5": failed to pull and unpack image "k8s.gcr.io/pause:3.5": failed to resolve reference "k8s.gcr.io/pause:3.5": failed to do request: Head "https://k8s.gcr.io/v2/pause/manifests/3.5": dial tcp ${ip}:443: i/o timeout`;

  /** Two new pods, one on NODE_A and one on NODE_B, never got a sandbox: their runtime cannot pull the pause image. */
  function pauseScenario(): TriageEvidence {
    const ev = sandboxScenario({ message: PAUSE('64.233.166.82') });
    const second = pod(6, { nodeName: NODE_B, phase: 'Pending', ready: false, createdAt: minutesAgo(16), containers: [container({ state: { waiting: { reason: 'ContainerCreating' } }, ready: false })] });
    ev.pods.push(second);
    ev.events.push(event({ object: { kind: 'Pod', name: second.name, namespace: NS }, reason: 'FailedCreatePodSandBox', message: PAUSE('74.125.193.82'), count: 14, firstSeen: minutesAgo(16), lastSeen: minutesAgo(1) }));
    return ev;
  }

  it('names the node runtime\'s sandbox image and the registry it cannot reach, once for every node, and fixes the node, not the workload', () => {
    const ev = pauseScenario();
    const found = analyzePodSandbox(ev);
    expect(found).toHaveLength(1);
    const [f] = found;
    expect(f?.kind).toBe('pod-sandbox');
    expect(f?.title).toBe('The container runtime on 2 nodes cannot pull its sandbox image k8s.gcr.io/pause:3.5 (k8s.gcr.io unreachable: i/o timeout), so 2 pods stay in ContainerCreating');
    expect(f?.likelyCause).toMatch(/sandbox_image/);
    expect(f?.likelyCause).toMatch(/k8s\.gcr\.io is frozen/);
    expect(f?.fix).toMatch(/registry\.k8s\.io\/pause/);
    expect(f?.nextAction).toMatch(new RegExp(`cordon ${NODE_A}`));
    expect(f?.outsideWorkload).toMatch(/not the pod template/);
    expect(f?.affected).toEqual({ pods: [ev.pods[4]?.name, ev.pods[5]?.name], nodes: [NODE_A, NODE_B] });
    const said = [f?.title, f?.likelyCause, f?.nextAction, f?.fix].join('\n');
    expect(said).not.toMatch(/\bCNI\b|roll(ing)? ?back/i);
  });
});

describe('analyzePodSandbox: the host\'s bridge kept an older pod subnet', () => {
  const BRIDGE = 'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "9a1b": plugin type="flannel" failed (add): failed to delegate add: failed to set bridge addr: "cni0" already has an IP address different from 10.244.7.1/24';

  it('names the stale bridge against the node\'s podCIDR, and the node\'s re-registration as the trigger', () => {
    const base = sandboxScenario({ message: BRIDGE });
    const ev = { ...base, nodes: base.nodes.map((n) => (n.name === NODE_A ? { ...n, createdAt: minutesAgo(40) } : n)) };
    const [f] = analyzePodSandbox(ev);
    expect(f?.title).toMatch(/the host's bridge cni0 still holds an address of an older pod subnet, not 10\.244\.7\.1\/24 of the node's current podCIDR/);
    expect(f?.title).toMatch(new RegExp(`node ${NODE_A} re-registered 40m ago`));
    expect(f?.onset).toBe(minutesAgo(40));
    expect(f?.datesChange).toBe(true);
    expect(f?.fix).toMatch(/delete the stale cni0 \(and flannel\.1\) interface .* or reboot it/);
  });

  it('dates nothing by a node registered long ago', () => {
    const [f] = analyzePodSandbox(sandboxScenario({ message: BRIDGE }));
    expect(f?.title).toMatch(/still holds an address of an older pod subnet/);
    expect(f?.title).not.toMatch(/re-registered/);
    expect(f?.datesChange).toBeUndefined();
  });
});
