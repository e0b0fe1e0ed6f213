import { collapseEvents, formatEventLine } from '../collapse-events.js';
import type { IsoTime, PodEvidence, TriageEvidence } from '../evidence.js';
import { findNode, listEventsOf } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { describeNodeCommand, formatKubectl } from '../kubectl-command.js';
import { readProbeFailure, readUnanswered, readWrongAddress } from '../node-cni-agent.js';
import type { AddressChoice } from '../node-cni-agent.js';
import { limitLines, severityForPods } from '../pod-status.js';
import { MINUTE_MS, formatAgo, msBetween } from '../time-span.js';

/** A reboot of the node this long before the agent's trouble began is what brought it on. */
const REBOOT_LEAD_MS = 30 * MINUTE_MS;

/** "it took 172.17.0.1 on docker0 (a bridge, not the node's NIC) as the node's address, not its InternalIP 10.1.2.3" */
function describeChoice(c: AddressChoice, explain = true): string {
  const where = c.iface === undefined ? '' : ` on ${c.iface}${c.virtual && explain ? ' (a bridge or virtual interface, not the node\'s NIC)' : ''}`;
  return `it took ${c.address}${where} as the node's address${c.internal.length > 0 ? `, not its InternalIP ${c.internal.join(', ')}` : ''}`;
}

/** How to pin the address the agent takes, in its own settings. */
function pinAddress(name: string, images: readonly string[]): string {
  const all = [name, ...images].join(' ');
  if (/calico|canal/i.test(all)) return 'set IP_AUTODETECTION_METHOD=kubernetes-internal-ip (or interface=<the node\'s NIC>) on';
  if (/flannel/i.test(all)) return 'set --iface (or --iface-regex) to the node\'s NIC on';
  return 'pin the node address (interface or CIDR) that autodetection takes on';
}

/** What the failing pods' timeouts name: "DNS lookups", "10.1.2.3:5432". */
function namedTargets(lines: readonly string[]): string[] {
  const hosts = new Set<string>();
  for (const l of lines) {
    const dial = /dial tcp ([\d.]+:\d+)/.exec(l)?.[1] ?? /\b(?:connect|connecting) to ([\w.-]+:\d+)/i.exec(l)?.[1];
    if (/\blookup\b|EAI_AGAIN|name resolution|:53\b/i.test(l)) hosts.add('DNS lookups');
    else if (dial !== undefined) hosts.add(dial);
  }
  return [...hosts].slice(0, 3);
}

/**
 * The workload's pods on one node time out off the node while its pods elsewhere are fine, and
 * that node's CNI agent is not ready: the node has no working pod network to the other nodes. The
 * agent's probe failure says why, and the address it took at start when that is not the node's.
 */
export function describeCniAgentDown(ev: TriageEvidence, node: string): Finding[] {
  const read = ev.nodeNetwork?.find((n) => n.node === node);
  const agent = read?.cniAgent;
  if (read === undefined || agent === undefined) return [];
  const agentPod = read.pods.find((p) => p.pod.name === agent.pod);
  if (agentPod === undefined || agentPod.pod.ready) return [];
  const here = ev.pods.filter((p) => p.nodeName === node && p.deletionTimestamp === undefined);
  const failing = here.filter((p) => readUnanswered(ev.logs, p).length > 0);
  if (failing.length === 0) return [];
  const elsewhere = ev.pods.filter((p) => p.nodeName !== undefined && p.nodeName !== node && p.ready);
  const fineElsewhere = elsewhere.filter((p) => readUnanswered(ev.logs, p).length === 0);

  const name = (agentPod.owner ?? '').replace(/^DaemonSet /, '') || agent.pod;
  const probe = readProbeFailure(agent.probeEvents ?? []);
  const tail = ev.nodeNetwork?.flatMap((n) => n.logs).find((l) => l.pod === agent.pod)?.lines ?? [];
  const choice = readWrongAddress([...(agent.startLines ?? []), ...tail], findNode(ev, node));
  const state = agentPod.pod.containers.find((c) => c.name === agent.container)?.state;
  const onset: IsoTime | undefined = probe?.event.firstSeen ?? (state !== undefined && 'running' in state ? state.running.startedAt : undefined);
  const reboot = onset === undefined ? undefined : listEventsOf(ev, 'Node', node).find((e) => e.reason === 'Rebooted' && msBetween(e.lastSeen, onset) >= 0 && msBetween(e.lastSeen, onset) <= REBOOT_LEAD_MS);
  const since = reboot !== undefined ? ` since the node rebooted ${formatAgo(reboot.lastSeen, ev.collectedAt)}` : onset !== undefined ? ` since ${formatAgo(onset, ev.collectedAt)}` : '';
  const targets = namedTargets(failing.flatMap((p) => readUnanswered(ev.logs, p)));
  const podsText = failing.length === 1 ? `the pod of ${ev.target.name} there times` : `${failing.length} pods of ${ev.target.name} there time`;
  const title =
    `${name} (the CNI agent) on node ${node} is not ready${since}${probe === undefined ? '' : ` — ${probe.text}`}` +
    `${choice === undefined ? '' : `; ${describeChoice(choice, false)}`}: ${podsText} out off the node${targets.length > 0 ? ` (${targets.join(', ')})` : ''}` +
    `${fineElsewhere.length > 0 ? '; its pods on other nodes are fine' : ''}`;

  const mechanism =
    `${name} programs ${node}'s pod network: its routes to the other nodes' pods (BGP sessions, for Calico through BIRD), tunnels and policy rules. While it is not ready, packets from the pods there to other nodes get no answer, so lookups to the cluster DNS and calls to dependencies on other nodes time out, while the same revision's pods on other nodes are fine: the DNS and the dependencies are not at fault.`;
  const address = choice === undefined
    ? ''
    : ` At start ${describeChoice(choice)}: the other nodes are told to reach it there, so no session or tunnel with them comes up. Autodetection that takes the first interface it finds (Calico's IP_AUTODETECTION_METHOD=first-found, flannel without --iface) picks a container bridge when one comes up first, as after a reboot.`;
  const fix = choice !== undefined
    ? `${pinAddress(name, agentPod.pod.containers.map((c) => c.image))} ${name} and restart ${agent.pod}`
    : `make ${name} on ${node} ready again (its probe and log say what it lacks)`;
  return [
    {
      id: `node-condition/cni-agent/${node}`,
      kind: 'node-condition',
      title,
      layer: 'node/eviction',
      severity: severityForPods(ev, here.filter((p) => !p.ready).length || failing.length),
      confidence: fineElsewhere.length > 0 ? 'high' : 'medium',
      evidence: [
        `${agent.namespace}/${agent.pod} (${agentPod.owner ?? 'node agent'}) on ${node}: not ready`,
        ...(agent.probeEvents === undefined ? [`its probe events could not be read`] : collapseEvents(agent.probeEvents.filter((e) => e.reason === 'Unhealthy')).slice(0, 2).map((e) => formatEventLine(e, { maxLength: 240 }))),
        ...(choice === undefined ? [] : [`${agent.pod}: ${choice.line.slice(0, 240)}`]),
        ...limitLines(failing.map((p) => `${p.name} on ${node}: ${(readUnanswered(ev.logs, p)[0] ?? '').trim().slice(0, 220)}`), 2),
        ...(fineElsewhere.length > 0 ? [`${fineElsewhere.length} pod${fineElsewhere.length === 1 ? '' : 's'} on other nodes: ready, no timeouts in their logs`] : []),
        ...(reboot === undefined ? [] : [formatEventLine(reboot, { maxLength: 200 })]),
      ],
      likelyCause: mechanism + address,
      nextAction:
        `Mitigate: cordon ${node} and delete the pods of ${ev.target.name} there so they start on nodes whose pod network works (the bot will not). ` +
        (choice !== undefined
          ? `Then ${fix}, and check that its probe passes; restarting it without pinning the address only works until the next reboot.`
          : `Then read ${agent.pod}'s log on the node and fix what keeps it from ready; restarting it alone is a mitigation.`),
      fix,
      // The probe's own words (the title carries them, so the headline quotes nothing twice).
      ...(probe !== undefined ? { decisive: probe.text } : choice !== undefined ? { decisive: choice.line } : {}),
      ...(reboot !== undefined ? { datesChange: true as const } : {}),
      outsideWorkload: `the node's pod network fails every pod there, of any revision`,
      ...(onset === undefined ? {} : { onset }),
      confirmCommands: [
        formatKubectl(ev.target, `get pods -n ${agent.namespace} -o wide --field-selector spec.nodeName=${node}`, 'cluster'),
        formatKubectl(ev.target, `describe pod -n ${agent.namespace} ${agent.pod}`, 'cluster'),
        formatKubectl(ev.target, `logs -n ${agent.namespace} ${agent.pod} -c ${agent.container} --tail=200`, 'cluster'),
        describeNodeCommand(ev.target, node),
      ],
      affected: { pods: (here.some((p) => !p.ready) ? here.filter((p) => !p.ready || failing.includes(p)) : failing).map((p: PodEvidence) => p.name), nodes: [node] },
    },
  ];
}
