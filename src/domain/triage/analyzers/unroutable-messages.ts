/**
 * The broker returns the workload's publishes unroutable (unroutable-messages.ts): each returned
 * message is lost though the requests that made it succeed. Where the broker's definitions were
 * read (read-broker-topology.ts), they say why: a queue the definitions declare that no binding
 * feeds (the binding added by hand once, lost when the broker was rebuilt from definitions that
 * never had it), or an exchange none of whose bindings takes the routing key. The fix is the
 * binding, in the definitions and on the broker; this workload's own revision is innocent.
 */
import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, severityForPods } from '../pod-status.js';
import { findUnroutableReturns, readTopologyGap, type TopologyGap } from '../unroutable-messages.js';
import { joinAnd, truncate } from '../../text.js';
import { formatAgo } from '../time-span.js';

function describeBindings(gap: TopologyGap, exchange: string): string {
  if (gap.exchangeBindings.length === 0) return `exchange ${exchange} has no binding at all`;
  return `exchange ${exchange} is bound only to ${joinAnd(gap.exchangeBindings.map((b) => `${b.destination}${b.routingKey ? ` (${b.routingKey})` : ''}`))}`;
}

export function analyzeUnroutableMessages(ev: TriageEvidence): Finding[] {
  const r = findUnroutableReturns(ev.logs, ev.pods);
  if (r === undefined) return [];
  const podObjects = ev.pods.filter((p) => r.pods.includes(p.name));
  const members = (ev.dependencyMembers ?? []).find((m) => (m.topology ?? []).length > 0);
  const gap = members === undefined ? undefined : readTopologyGap(members.topology ?? [], r);
  const exchange = r.exchange ?? 'its exchange';
  const key = r.routingKey;
  const what = `${key ? `${key} message` : 'message'} published to exchange ${exchange}`;
  const where = gap ? `definitions in ConfigMap ${gap.topology.configMap} (${gap.topology.key})` : undefined;
  const unbound = gap?.unboundQueues ?? [];
  const reason = gap === undefined
    ? ''
    : unbound.length > 0
      ? `: exchange ${exchange} has no binding to queue ${joinAnd(unbound)} — the ${where} declare ${unbound.length === 1 ? 'that queue' : 'those queues'} but no binding to ${unbound.length === 1 ? 'it' : 'them'}`
      : gap.keyRouted === false ? `: no binding of exchange ${exchange} takes ${key ?? 'the key'} in the ${where}` : '';
  const broker = members ? `RabbitMQ (${members.service})` : 'The broker';
  const title = `${broker} returns every ${what} unroutable (312 NO_ROUTE)${reason}: ${r.hits.length} returned in ${r.pods.length} pod${r.pods.length === 1 ? '' : 's'}, each a lost message`;
  const rebuilt = members?.pods.map((p) => p.createdAt).sort()[0];
  const queue = unbound[0] ?? '<the consumers\' queue>';
  const fix = `add the binding ${exchange} → ${queue}${key ? ` (routing key ${key})` : ''} to ${where ?? "the broker's definitions"} and declare it on the broker`;
  const last = r.hits.at(-1);
  return [{
    id: `missing-destination/no-route/${exchange}`,
    kind: 'missing-destination',
    title,
    layer: 'network/routing',
    severity: severityForPods(ev, Math.max(podObjects.length, ev.pods.length)),
    confidence: reason !== '' ? 'high' : 'medium',
    evidence: [
      `${r.hits.length} publishes returned by the broker (NO_ROUTE) in ${joinAnd(r.pods.slice(0, 3))}${r.pods.length > 3 ? ' …' : ''}`,
      ...(last ? [`log ${last.pod}: ${truncate(last.line, 300)}`] : []),
      ...(gap && where ? [
        `${where}: ${gap.topology.exchanges.length} exchanges, ${gap.topology.queues.length} queues (${truncate(gap.topology.queues.join(', '), 160)}), ${gap.topology.bindings.length} bindings; ${describeBindings(gap, exchange)}`,
        ...(unbound.length > 0 ? [`queue${unbound.length === 1 ? '' : 's'} with no binding in the definitions: ${joinAnd(unbound)}`] : []),
      ] : []),
      ...(members && rebuilt ? [`the broker's members (${members.service}) were created ${formatAgo(rebuilt, ev.collectedAt)}: a broker rebuilt loads only what its definitions declare`] : []),
    ],
    decisive: condenseStructuredLine(last?.line ?? ''),
    ...(r.first ? { onset: r.first } : {}),
    outsideWorkload: `the broker's topology: ${unbound.length > 0 ? `no binding to queue ${joinAnd(unbound)}` : `no binding takes ${key ?? 'the routing key'}`}`,
    likelyCause:
      `The workload publishes with the mandatory flag, and the broker returns every message its exchange routes to no queue (basic.return 312 NO_ROUTE): the HTTP requests succeed, but the messages never reach a consumer, which sits idle. ` +
      (unbound.length > 0 && where
        ? `The ${where} declare queue ${joinAnd(unbound)} with no binding: a binding added by hand (management UI) is lost when the broker is rebuilt or re-imports its definitions, which never had it.`
        : 'A binding is missing on the broker (lost in a rebuild, or a routing key renamed on one side).'),
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}, then republish the returned messages (the publisher's log names them). Rolling back this workload will not help.`,
    fix,
    confirmCommands: [
      formatKubectl(ev.target, `logs ${r.pods[0] ?? ''} --tail=200 | grep NO_ROUTE`),
      ...(members ? [formatKubectl({ ...ev.target, namespace: members.namespace }, `exec ${members.pods[0]?.name ?? ''} -- rabbitmqctl list_bindings -q`)] : []),
    ],
    affected: { pods: r.pods, nodes: listNodesOf(podObjects), ...(gap ? { configMaps: [gap.topology.configMap] } : {}) },
  }];
}
