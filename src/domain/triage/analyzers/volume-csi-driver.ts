/**
 * Pods on one node wait for a volume whose CSI driver that node's kubelet has not registered. The
 * volume attaches (the driver's controller works), but mounting it goes through the driver's node
 * plugin, a DaemonSet pod on that very node: while that pod is down no volume of the driver mounts
 * there, and every other node mounts them fine. The node plugin's own log says why it is down.
 */
import type { PodEvidence, TriageEvidence } from '../evidence.js';
import { pickDecisiveLine } from '../evidence-lookup.js';
import { formatKubectl } from '../kubectl-command.js';
import { describeAgentState, findNodeAgent } from '../node-agents.js';
import { isCsiNodePlugin } from '../csi-registration.js';
import { formatAgo } from '../time-span.js';
import type { ToldReading } from '../told-reading.js';

export interface UnregisteredDriver extends ToldReading {
  evidence: string[];
  confirm: string[];
  decisive?: string;
  /** High when the node plugin was read and is down there. */
  confidence: 'high' | 'medium';
}

/** A plugin that reads the cloud's instance metadata from a pod: on EC2 the hop limit decides whether replies reach it. */
const METADATA = /\bIMDS\b|ec2imds|instance metadata|169\.254\.169\.254/i;

export function describeUnregisteredDriver(ev: TriageEvidence, node: string, driver: string, stuck: readonly PodEvidence[]): UnregisteredDriver {
  const read = ev.nodeAgents?.find((n) => n.node === node);
  const found = findNodeAgent(read, (a) => isCsiNodePlugin(a, driver));
  const state = found ? describeAgentState(found.agent.pod) : undefined;
  const down = found !== undefined && state?.failing === true;
  const plugin = found ? `${found.agent.namespace}/${found.agent.pod.name}` : undefined;
  const line = down && found.logs.length > 0 ? pickDecisiveLine(found.logs) : undefined;
  const metadata = down && found.logs.some((l) => METADATA.test(l));
  const elsewhere = ev.pods.filter((p) => p.ready && p.nodeName !== undefined && p.nodeName !== node);
  const n = stuck.length;
  const pods = `the stuck pod${n === 1 ? '' : 's'}`;
  const created = found?.agent.pod.createdAt;

  const evidence = [
    ...(found && state ? [`node plugin ${plugin}${found.agent.owner ? ` (${found.agent.owner})` : ''} on ${node}: ${state.state}${created ? `, created ${formatAgo(created, ev.collectedAt)}` : ''}`] : []),
    ...(line ? [`log ${found?.agent.pod.name ?? ''}: ${line}`] : []),
    ...(read !== undefined && found === undefined ? [`no node plugin of ${driver} was found among the DaemonSet pods of ${node}`] : []),
    ...(elsewhere.length > 0 ? [`${elsewhere.length} pod${elsewhere.length === 1 ? '' : 's'} of the workload on other nodes ready: ${elsewhere.slice(0, 3).map((p) => `${p.name} (${p.nodeName ?? '?'})`).join(', ')}${elsewhere.length > 3 ? ', …' : ''}`] : []),
  ];
  const why = down
    ? `its node plugin there, ${plugin}, is ${state.state}${line ? `: "${line}"` : ''}.`
    : read !== undefined && found === undefined
      ? `no node plugin of ${driver} runs there: its DaemonSet does not place a pod on that node (a nodeSelector, an affinity or a taint it does not tolerate).`
      : 'the driver\'s node plugin (a DaemonSet pod on that node) is not running or has not registered.';
  const hint = metadata
    ? ' The plugin cannot read the instance metadata (IMDS) from its container: on EC2 a metadata hop limit of 1 (httpPutResponseHopLimit) stops the replies from reaching pods, which is how a node from a new launch template or node class differs from the others.'
    : '';
  const others = elsewhere.length > 0 ? ` ${elsewhere.length} pod${elsewhere.length === 1 ? '' : 's'} of the workload on other nodes ${elsewhere.length === 1 ? 'is' : 'are'} ready: the volumes, the driver's controller and the workload's revision are fine; the fault is on ${node}.` : '';
  const repair = down
    ? `get ${plugin} running again${metadata ? ' (on EC2, set the instance metadata hop limit to 2 in the node\'s launch template or node class)' : ''}, or replace the node`
    : found === undefined && read !== undefined
      ? `let the ${driver} node plugin's DaemonSet place a pod on ${node}`
      : `look at the ${driver} node plugin (its DaemonSet pod) on ${node}`;
  return {
    title: `CSI driver ${driver} is not registered on node ${node}${down ? `: its node plugin there, ${plugin}, is ${state.state}` : ''}`,
    cause: `${driver} is not registered with the kubelet of ${node}: ${why}${hint} The node plugin registers the driver with its node's kubelet; until it does, no volume of ${driver} mounts on that node, whatever the pod or its revision (attaching works: that is the driver's controller).${others}`,
    action: `Mitigate: cordon ${node} and delete ${pods} so ${n === 1 ? 'it starts' : 'they start'} on another node (the bot will not). Then ${repair}.`,
    fix: `${repair}; meanwhile cordon ${node} and delete ${pods}`,
    evidence,
    confirm: [
      formatKubectl(ev.target, `get pods -A -o wide --field-selector spec.nodeName=${node}`, 'cluster'),
      ...(found ? [`kubectl logs ${found.agent.pod.name} -n ${found.agent.namespace}${found.logs.length > 0 ? ' --previous' : ''} --tail=100${ev.target.context ? ` --context ${ev.target.context}` : ''}`] : []),
      formatKubectl(ev.target, `get csinode ${node} -o jsonpath='{.spec.drivers[*].name}'`, 'cluster'),
    ],
    ...(line ? { decisive: line } : {}),
    confidence: down ? 'high' : 'medium',
  };
}
