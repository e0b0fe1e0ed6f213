import type { PodEvidence, PortHolderEvidence, TriageEvidence } from '../evidence.js';
import { formatKubectl } from '../kubectl-command.js';

/** Why pods free to go to any node are refused by every node for their host ports, and who holds them. */
export interface HostPortHeld {
  /** Said after the scheduler's reasons in the title: "hostPort 6831/UDP is already bound by DaemonSet tracing/trace-agent". */
  detail: string;
  evidence: string[];
  cause: string;
  action: string;
  fix: string;
  decisive: string;
  /** Never set: the pods asked for the port, so any revision that asks for it waits the same way only if it asks too. */
  outsideWorkload?: string;
  confirm: string[];
}

/** "6831/UDP": a host port is taken per port and protocol. */
const describePort = (port: number, protocol: string): string => `${port}/${protocol}`;

/** "DaemonSet tracing/trace-agent", or the bare pod's name. */
function holderName(h: PortHolderEvidence): string {
  if (h.owner === undefined) return `pod ${h.namespace}/${h.pod}`;
  const [kind, name] = h.owner.split(' ');
  return `${kind ?? ''} ${h.namespace}/${name ?? ''}`;
}

/**
 * Pods that may run on any node, refused by every one for host ports ("didn't have free ports"):
 * the pods of another workload that bind the same port and protocol on the nodes read (the nodes
 * the workload already runs on). A DaemonSet holding it runs on every node, a new one included, so
 * neither preemption nor the autoscaler can make room: the pods must stop asking for the port.
 */
export function explainHostPortHeld(ev: TriageEvidence, pending: readonly PodEvidence[]): HostPortHeld | undefined {
  const wanted = pending.flatMap((p) => p.containers.flatMap((c) => c.ports.flatMap((x) => (x.hostPort === undefined ? [] : [{ port: x.hostPort, protocol: x.protocol }]))));
  const holders = (ev.portHolders ?? []).filter((h) => wanted.some((w) => w.port === h.hostPort && (h.protocol ?? 'TCP') === w.protocol));
  const first = holders[0];
  if (first === undefined) return undefined;
  const port = describePort(first.hostPort, first.protocol ?? 'TCP');
  const owners = [...new Set(holders.filter((h) => h.hostPort === first.hostPort).map(holderName))];
  const who = owners.join(', ');
  const daemon = owners.find((o) => o.startsWith('DaemonSet '));
  const nodes = [...new Set(holders.map((h) => h.node))];
  const evidence = holders.slice(0, 3).map((h) => `hostPort ${describePort(h.hostPort, h.protocol ?? 'TCP')} on ${h.node} is held by pod ${h.namespace}/${h.pod}${h.owner ? ` (${h.owner})` : ''}`);
  const onePerNode = `A host port (with its protocol) can be bound by one pod per node, and ${who} already bind${owners.length === 1 ? 's' : ''} ${port} on the node${nodes.length === 1 ? '' : 's'} read`;
  return {
    detail: `hostPort ${port} is already bound by ${who}${daemon ? ' on every node' : ''}`,
    evidence,
    cause: daemon
      ? `The pods ask for hostPort ${port}. ${onePerNode}; ${daemon} runs on every node, so no node will ever have the port free: preemption cannot make room, and a node the cluster autoscaler adds would run it too.`
      : `The pods ask for hostPort ${port}. ${onePerNode}, so those nodes cannot take them.`,
    action: `Drop hostPort ${port} from the pod template (reach a node-local ${daemon ? 'agent on its own port' : 'service another way'}), or use a host port nothing on the nodes binds.`,
    fix: `drop hostPort ${port} from the pods (or use a free host port)`,
    decisive: `${evidence[0] ?? ''}`,
    confirm: [formatKubectl(ev.target, `get pods -A -o wide --field-selector spec.nodeName=${first.node}`, 'cluster')],
  };
}
