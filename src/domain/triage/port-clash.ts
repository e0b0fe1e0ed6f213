/**
 * A process that cannot bind its port because something already holds it ("address already in
 * use"). The containers of a pod share one network namespace, so one port has one listener per
 * pod: the usual holder is another container of the same pod that declares or serves that port.
 */
import type { ContainerSpecEvidence, PodEvidence, PortHolderEvidence } from './evidence.js';
import { capitalize } from '../text.js';

/** How runtimes say a bind failed, each with the port (Node, Go, nginx, Spring Boot, gunicorn, Java/Python generic). */
const ADDRESS_IN_USE: readonly RegExp[] = [
  /EADDRINUSE\b[^\n]*?:(\d{2,5})\b/,
  /listen (?:tcp|udp)[46]? [\w.[\]:-]*:(\d{2,5}): bind: address already in use/i,
  /bind\(\) to [\w.[\]:-]*:(\d{2,5}) failed \(\d+: Address already in use\)/i,
  /Port (\d{2,5}) (?:was|is) already in use/i,
  /Connection in use: \('[\w.:]*', (\d{2,5})\)/,
  /Address already in use\b[^\n]*?(?:port |:)(\d{2,5})\b/i,
];

/** The port a log line says could not be bound because it is in use; undefined when the line says no such thing. */
export function findPortInUse(line: string): number | undefined {
  for (const re of ADDRESS_IN_USE) {
    const port = re.exec(line)?.[1];
    if (port !== undefined) return Number(port);
  }
  return undefined;
}

function servesPort(c: ContainerSpecEvidence, port: number): boolean {
  const names = new Set(c.ports.filter((p) => p.containerPort === port).map((p) => p.name));
  const probes = [c.probes.readiness, c.probes.liveness, c.probes.startup];
  return c.ports.some((p) => p.containerPort === port) || probes.some((p) => p?.port === port || (typeof p?.port === 'string' && names.has(p.port)));
}

export interface PortClash {
  port: number;
  /** Other containers of the pod (native sidecars included) that declare the port or probe it. */
  holders: string[];
  /** The ports the failing container itself declares, when none is the one it tried to bind. */
  declaredElsewhere: number[];
  /** Host-network pods of other workloads that listen on the port on the failing pods' nodes. */
  nodeHolders?: PortHolderEvidence[];
}

/**
 * What a bind failure of `container` in `pod` tells: the port, who else in the pod holds it, and
 * whether the container declares other ports (its port setting did not reach the process).
 */
export function describePortClash(line: string, pod: PodEvidence, container: string, nodeHolders: readonly PortHolderEvidence[] = []): PortClash | undefined {
  const port = findPortInUse(line);
  if (port === undefined) return undefined;
  const others = [...pod.containers, ...pod.initContainers.filter((c) => c.sidecar)].filter((c) => c.name !== container);
  const self = [...pod.containers, ...pod.initContainers].find((c) => c.name === container);
  const declared = (self?.ports ?? []).map((p) => p.containerPort);
  return {
    port,
    holders: others.filter((c) => servesPort(c, port)).map((c) => c.name),
    declaredElsewhere: declared.length > 0 && !declared.includes(port) ? declared : [],
    ...(nodeHolders.length > 0 ? { nodeHolders: nodeHolders.filter((h) => h.hostPort === port) } : {}),
  };
}

/** The words a finding uses for a clash: a title suffix, evidence, cause and fix. */
export function tellPortClash(clash: PortClash, container: string): { title: string; evidence: string[]; cause: string; action: string; fix: string } {
  const { port, holders, declaredElsewhere } = clash;
  if (clash.nodeHolders?.length && holders.length === 0) return tellNodeClash(port, clash.nodeHolders, container);
  const holder = holders.length > 0 ? `container ${holders.join(', ')} of the same pod` : undefined;
  const declared = declaredElsewhere.length > 0 ? `${container} declares port ${declaredElsewhere.join(', ')} yet binds ${port}` : undefined;
  const evidence = [
    ...(holder ? [`${holder} declares or probes port ${port}: a pod's containers share one network namespace, so only one of them can listen on it`] : []),
    ...(declared ? [`${declared}: the setting meant to move its port did not reach the process (a variable it does not read, a flag it ignores)`] : []),
  ];
  const cause = `${container} cannot listen on port ${port}: ${holder ? `${holder} already listens there (containers of a pod share one network namespace)` : 'another process in the pod\'s network namespace (or the node\'s, with hostNetwork) already holds it'}, so it fails at start and crash-loops.${declared ? ` ${capitalize(declared)}: the port setting it was given is not the one it reads.` : ''}`;
  const fix = declared
    ? `make ${container} listen on ${declaredElsewhere.join(' or ')} as declared (check which setting it reads its port from)${holder ? `: ${holders.join(', ')} holds ${port}` : ''}`
    : `give ${container} and ${holders[0] ?? 'whatever holds it'} different ports`;
  const action = `Compare the ports the pod's containers listen on (their ports, probes and port settings) and move one of them off ${port}; the pods recover on their next restart.`;
  return { title: `: port ${port} already in use${holder ? `, held by ${holder}` : ''}`, evidence, cause, action, fix };
}


/** "DaemonSet host-metrics (namespace monitoring)" once per owner, the nodes, and one evidence line per pod. */
function describeNodeHolders(holders: readonly PortHolderEvidence[]): { who: string; nodes: string[]; lines: string[] } {
  const owners = new Map<string, PortHolderEvidence[]>();
  for (const h of holders) owners.set(h.owner ?? `pod ${h.pod}`, [...(owners.get(h.owner ?? `pod ${h.pod}`) ?? []), h]);
  const who = [...owners].map(([owner, hs]) => `${owner} (namespace ${hs[0]?.namespace ?? '?'})`).join(', ');
  const lines = holders.map((h) => `${h.namespace}/${h.pod}${h.owner ? ` (${h.owner})` : ''} listens on ${h.hostPort} in the network of node ${h.node}${h.setting ? `: ${h.setting}` : ''}`);
  return { who, nodes: [...new Set(holders.map((h) => h.node))], lines };
}

/** A host-network container whose port another host-network pod of the node already listens on. */
function tellNodeClash(port: number, nodeHolders: readonly PortHolderEvidence[], container: string): ReturnType<typeof tellPortClash> {
  const { who, nodes, lines } = describeNodeHolders(nodeHolders);
  // A port only named in flags or variables is invisible to the scheduler's host-port check.
  const unseen = nodeHolders.every((h) => h.setting !== undefined && !h.setting.startsWith('declares'));
  const where = nodes.join(', ');
  return {
    title: `: port ${port} already in use on the node (hostNetwork), held by ${who} on ${where}`,
    evidence: [...lines, ...(unseen ? [`${who} declares no port ${port}: the scheduler cannot see the clash and places both on the same nodes`] : [])],
    cause: `${container} runs on the host network (hostNetwork: true), so it binds ${port} on the node itself; on ${where} ${who} already listens there on the host network, so ${container} fails at start and crash-loops. Pods on nodes without it start fine.${unseen ? ' The holder declares no port, so the scheduler could not keep them apart.' : ''}`,
    action: `Drop hostNetwork from ${container} (a pod-network port reaches the node's agents through status.hostIP), or move ${container} or ${who} off port ${port}; the pods recover on their next restart.`,
    fix: `drop hostNetwork from ${container}, or move ${container} or ${who} off port ${port}`,
  };
}
