/**
 * A refusal the client reports as a proxy error is the proxy's, not the destination's: the
 * connection that was refused went to HTTP(S)_PROXY, and the destination was never called. When
 * that proxy is the node's own (node-local-proxy.ts) and only the pods of some nodes fail, the
 * DaemonSet pod serving its port on those nodes is down, and its state and last log line say why
 * (a config its new revision brought that it rejects, an image that does not start).
 */
import { truncate } from '../text.js';
import type { LogEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import { isErrorLine } from './error-line.js';
import { formatKubectl } from './kubectl-command.js';
import { describeAgentState, findNodeAgent } from './node-agents.js';
import type { NodeAgent } from './node-agents.js';
import { isProxyRefusal, readNodeLocalProxy, servesNodePort } from './node-local-proxy.js';
import type { NodeLocalProxy } from './node-local-proxy.js';
import { readProxyEnv } from './proxy-env.js';
import { unique } from './pod-status.js';
import { formatAgo, msBetween } from './time-span.js';

/** A proxy pod younger than this was put there by a recent rollout: the change that brought the fault on. */
const RECENT_MS = 24 * 3600_000;

/** An agent's own error words (Envoy's `[critical]`, klog's E-lines, any runtime's ERROR). */
const AGENT_ERROR = /\[(?:critical|error)\]|\b(?:fatal|panic|critical)\b|\berror (?:initializing|loading|parsing)\b/i;

export interface ProxyAgentDown {
  node: string;
  agent: NodeAgent;
  state: string;
  failing: boolean;
  /** Its last error line (the crashed run's first), when its log was read. */
  line?: string;
  configMaps: string[];
}

export interface ProxyRefusal {
  /** The env names and the proxy as written. */
  names: string[];
  proxy: string;
  /** Set when the proxy is the node's own. */
  local?: NodeLocalProxy;
  /** Nodes of the pods whose logs say the proxy refuses them. */
  refusedOn: string[];
  /** Pods whose logs were read on other nodes, with no proxy refusal. */
  fineElsewhere: string[];
  agents: ProxyAgentDown[];
}

function lastErrorLine(lines: readonly string[]): string | undefined {
  return [...lines].reverse().find((l) => AGENT_ERROR.test(l) || isErrorLine(l))?.trim();
}

/** The proxy the lines' pods name, and what the nodes' agents say; undefined when the lines are no proxy refusal or the env names no proxy. */
export function findProxyRefusal(ev: TriageEvidence, lines: readonly { log: LogEvidence; line: string }[], podObjects: readonly PodEvidence[]): ProxyRefusal | undefined {
  const refusals = lines.filter((h) => isProxyRefusal(h.line));
  // Most of the group's lines must be the proxy's: a stray one says nothing of the rest.
  if (refusals.length === 0 || refusals.length * 2 < lines.length) return undefined;
  const first = refusals[0];
  const pod = podObjects.find((p) => p.name === first?.log.pod) ?? ev.pods.find((p) => p.name === first?.log.pod);
  const container = pod?.containers.find((c) => c.name === first?.log.container);
  const env = container ? readProxyEnv(container.env, container.envFrom) : undefined;
  if (env === undefined || container === undefined) return undefined;
  const local = readNodeLocalProxy(container);
  const refusingPods = new Set(ev.logs.filter((l) => l.lines.some(isProxyRefusal)).map((l) => l.pod));
  const nodeOf = (name: string) => ev.pods.find((p) => p.name === name)?.nodeName;
  const refusedOn = unique([...refusingPods].flatMap((p) => nodeOf(p) ?? []));
  const fineElsewhere = unique(ev.logs.filter((l) => !l.previous && !refusingPods.has(l.pod) && l.container === container.name).map((l) => l.pod).filter((p) => {
    const n = nodeOf(p);
    return n !== undefined && !refusedOn.includes(n);
  }));
  const agents = local === undefined ? [] : refusedOn.flatMap((node) => {
    const found = findNodeAgent(ev.nodeAgents?.find((r) => r.node === node), (a) => servesNodePort(a, local.port));
    if (found === undefined) return [];
    const { failing, state } = describeAgentState(found.agent.pod);
    const line = lastErrorLine(found.logs);
    const configMaps = (found.agent.pod.volumes ?? []).flatMap((v) => (v.source === 'configMap' && v.ref ? [v.ref] : []));
    return [{ node, agent: found.agent, state, failing, ...(line ? { line } : {}), configMaps }];
  });
  return { names: env.names, proxy: env.proxy, ...(local ? { local } : {}), refusedOn, fineElsewhere, agents };
}

export interface ProxyRefusalTold {
  title: string;
  evidence: string[];
  decisive?: string;
  cause: string;
  action: string;
  fix: string;
  confirm: string[];
  outsideWorkload: string;
  /** A proxy pod a recent rollout put on the node: the title dates that change. */
  datesChange: boolean;
  confidence: 'high' | 'medium';
}

function describeOwner(a: NodeAgent): string {
  return `${a.owner ?? `pod ${a.pod.name}`} (namespace ${a.namespace})`;
}

export function explainProxyRefusal(ev: TriageEvidence, r: ProxyRefusal, dependency: string | undefined, podCount: number): ProxyRefusalTold {
  const names = r.names.join('/');
  const dest = dependency ?? 'the destination';
  const via = r.local ? `, node-local: ${r.local.via}` : '';
  const nodes = r.refusedOn.join(', ');
  // A proxy pod that runs and is ready explains no refusal: the generic reading, with its state in the evidence.
  const down = r.agents.find((a) => a.failing);
  const now = ev.collectedAt;
  const created = down?.agent.pod.createdAt;
  const recent = down !== undefined && created !== undefined && msBetween(created, now) < RECENT_MS;
  const fine = r.fineElsewhere.length > 0 ? `; the pods on other nodes (${r.fineElsewhere.length} read) call through their node's proxy fine` : '';
  const pods = `${podCount} pod${podCount === 1 ? '' : 's'}`;
  const theyGet = podCount === 1 ? 'the pod there gets' : `the ${podCount} pods there get`;
  const evidence = [
    `the pods send outbound calls through ${names}=${r.proxy}${via}`,
    `their HTTP client reports the refusal as a proxy error (the proxy refused the connection; ${dest} was never called) on ${nodes || 'their node'}${fine}`,
    ...r.agents.map((a) => {
      const age = a.agent.pod.createdAt ? `, pod created ${formatAgo(a.agent.pod.createdAt, now)}` : '';
      const hash = a.agent.pod.revisionHash ? `, controller-revision-hash ${a.agent.pod.revisionHash}` : '';
      const cms = a.configMaps.length > 0 ? `, mounts ConfigMap ${a.configMaps.join(', ')}` : '';
      return `${describeOwner(a.agent)} pod ${a.agent.pod.name} serves port ${r.local?.port ?? ''} on ${a.node}: ${a.state}${age}${hash}${cms}${a.line ? `; its log: ${truncate(a.line, 400)}` : ''}`;
    }),
  ];
  if (down !== undefined && r.local) {
    const owner = down.agent.owner ?? `pod ${down.agent.pod.name}`;
    const dsName = /^DaemonSet (.+)$/.exec(down.agent.owner ?? '')?.[1];
    const t = { ...ev.target, namespace: down.agent.namespace };
    const since = recent && created ? `, its pod replaced ${formatAgo(created, now)}${down.configMaps.length > 0 ? ` with ConfigMap ${down.configMaps.join(', ')}` : ''}` : '';
    const config = down.configMaps.length > 0 && down.line !== undefined && /config|yaml|json|pars|format|invalid/i.test(down.line) ? `correct ConfigMap ${down.configMaps.join(', ')} it mounts (its log names the error)` : `fix what its log names`;
    const undo = dsName ? ` or roll the DaemonSet back (\`${formatKubectl(t, `rollout undo daemonset/${dsName}`)}\` — the bot will not)` : '';
    return {
      title: `The node-local proxy ${owner} (namespace ${down.agent.namespace}) on ${nodes} is ${down.state}${since}: ${theyGet} ${names} ${r.proxy} refused (proxy error), not ${dest}`,
      evidence,
      ...(down.line ? { decisive: down.line } : {}),
      cause:
        `${names} point the pods at the proxy on their own node (${r.local.via}); a DaemonSet serves it on every node, so each pod depends on the copy beside it. ` +
        `On ${nodes} that copy is ${down.state}${down.line ? ` ("${truncate(down.line, 200)}")` : ''}, so nothing listens on port ${r.local.port} there and the client's proxy connection is refused; the pods on other nodes go through their own copy, ${dest} is not at fault, and the pods stay Ready behind a health check that calls nothing outside.`,
      action: `${config}${undo}, in namespace ${down.agent.namespace}; meanwhile cordon ${nodes} and delete the workload's pods there so they land beside a working proxy.`,
      fix: `${config}${undo ? ' or roll the DaemonSet back' : ''}`,
      confirm: [
        formatKubectl(t, `logs ${down.agent.pod.name} --previous --tail=50`),
        ...(dsName ? [formatKubectl(t, `rollout status daemonset/${dsName}`), formatKubectl(t, `rollout history daemonset/${dsName}`)] : []),
      ],
      outsideWorkload: `the refusal comes from the node-local proxy ${owner} on ${nodes}, not from the workload: any pod of any revision on that node is refused the same way`,
      datesChange: recent,
      confidence: 'high',
    };
  }
  const where = r.local ? ` on ${nodes || 'their node'}` : '';
  const readIt = r.local
    ? `read the pod serving port ${r.local.port} on ${nodes || 'that node'} (\`${formatKubectl(ev.target, `get pods -A -o wide --field-selector spec.nodeName=${r.refusedOn[0] ?? '<node>'}`, 'cluster')}\`), its state and its log`
    : `check the proxy ${r.proxy} (its pods, its Service's endpoints, its log)`;
  return {
    title: `The proxy ${r.proxy} (${names}${via}) refuses the pods' connections${where}: a proxy error, not ${dest}'s refusal (${pods})`,
    evidence,
    cause: `The pods' HTTP client connects to ${names} (${r.proxy}) for every outside call; the refusal it reports as a proxy error is that proxy's, so ${dest} was never reached.${r.local ? ' The proxy is the node\'s own: only the pods of nodes where it is down fail.' : ''}`,
    action: `${readIt[0]?.toUpperCase() ?? ''}${readIt.slice(1)}.`,
    fix: `bring the proxy ${r.proxy} back${where}`,
    confirm: [],
    outsideWorkload: `the refusal comes from the proxy ${r.proxy}, not from the workload`,
    datesChange: false,
    confidence: 'medium',
  };
}
