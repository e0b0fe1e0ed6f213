/**
 * A readiness dependency cycle: the workload's readiness waits on a dependency with no ready
 * endpoint, and that dependency's readiness waits on the workload's Service, which has none
 * either. While pods are replaced a few at a time the other side always serves; once both went
 * down together nothing can become ready first. The question after "why is the dependency down?"
 * is "what does it wait on?" — and "what took both down at once?".
 */
import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, unique } from '../pod-status.js';
import { findReadinessCycle, type ReadinessCycle } from '../readiness-cycle.js';
import { findRestartedTogether, type RestartedTogether } from '../restarted-together.js';
import { formatAgo, formatSpan, msBetween } from '../time-span.js';

const READINESS_FAILED = /^Readiness probe failed/i;

/** "since their 3 nodes were all replaced 44m ago, restarting all 5 pods of both within 1m", or when the pods alone say it. */
function describeRestart(r: RestartedTogether | undefined, now: string): string {
  if (r === undefined) return '';
  const pods = `all ${r.pods} pods of both within ${formatSpan(Math.max(msBetween(r.from, r.to), 60_000))}`;
  if (r.nodes === undefined) return `; both went down together: ${pods}, ${formatAgo(r.from, now)}, were re-created`;
  const n = r.nodes.names.length;
  return `, since ${n === 1 ? 'their node was' : `their ${n} nodes were all`} replaced ${formatAgo(r.nodes.from, now)}, restarting ${pods}`;
}

export function analyzeReadinessCycle(ev: TriageEvidence): Finding[] {
  const cycle = findReadinessCycle(ev);
  return cycle === undefined ? [] : [describe(ev, cycle)];
}

function describe(ev: TriageEvidence, c: ReadinessCycle): Finding {
  const me = ev.target.name;
  const dep = c.dependency.service;
  const now = ev.collectedAt;
  const together = findRestartedTogether([...ev.pods, ...c.dependency.pods], ev.nodes, ev.pods);
  const probeFailures = c.dependency.events.filter((e) => e.reason === 'Unhealthy' && READINESS_FAILED.test(e.message));
  const decisive = condenseStructuredLine(c.dependencyLine.line);
  // Break it on the side whose check the evidence names: that side becomes ready, the other follows.
  const breakOn = c.dependencyEnv !== undefined
    ? `drop the check of ${c.own.name} from ${dep}'s readiness (env ${c.dependencyEnv})`
    : c.ownEnv !== undefined
      ? `drop the check of ${dep} from ${me}'s readiness (env ${c.ownEnv})`
      : `disable the dependency check in one side's readiness`;
  const fix = `${breakOn} so that side becomes ready and the other follows; then make each readiness probe check only its own pod (dependency checks belong in startup, or must not block readiness)`;
  const nodes = together?.nodes;
  return {
    id: `readiness-cycle/${c.own.name}/${dep}`,
    kind: 'readiness-cycle',
    title: `${me} and ${dep} wait on each other's readiness: each Service has no ready endpoint, so neither becomes ready${describeRestart(together, now)}`,
    // The nodes replaced under both are the change that set the cycle off.
    ...(nodes ? { datesChange: true } : {}),
    layer: 'runtime/probes',
    severity: 'critical',
    confidence: 'high',
    evidence: [
      `log ${c.ownLine.pod} (${me}): ${condenseStructuredLine(c.ownLine.line)}`,
      `log ${c.dependencyLine.pod} (${dep}): ${decisive}`,
      `Service ${c.own.name}: no ready endpoint (${ev.pods.length} pod${ev.pods.length === 1 ? '' : 's'}, none ready); Service ${dep}: no ready endpoint (${c.dependency.pods.length} pod${c.dependency.pods.length === 1 ? '' : 's'}, none ready)`,
      ...(c.ownEnv ? [`${me} names ${dep} in env ${c.ownEnv}`] : []),
      ...(c.dependencyEnv ? [`${dep} names ${c.own.name} in env ${c.dependencyEnv}`] : []),
      ...probeFailures.slice(0, 1).map((e) => `event ${e.object.name} (${dep}): ${e.reason}: ${e.message} (×${e.count})`),
      ...(together ? [`pods of both created ${formatAgo(together.from, now)} to ${formatAgo(together.to, now)}`] : []),
      ...(nodes ? [`their nodes created ${formatAgo(nodes.from, now)} to ${formatAgo(nodes.to, now)}: ${nodes.names.join(', ')}`] : []),
    ],
    decisive,
    likelyCause:
      `${me}'s readiness fails because ${dep} has no ready endpoint, and ${dep}'s readiness fails because ${c.own.name} has none: a circular dependency between their readiness checks. ` +
      `It holds while pods are replaced a few at a time (the other side always keeps a ready endpoint), but once both sides are down at once neither can become ready first` +
      `${nodes ? ' — here every node under them was replaced together, restarting all their pods at once' : together ? ' — here all their pods were re-created together' : ''}. ` +
      'Restarting pods will not help: new pods wait the same way.',
    nextAction: `${fix[0]?.toUpperCase() ?? ''}${fix.slice(1)}.`,
    fix,
    confirmCommands: [
      formatKubectl(ev.target, `logs ${c.dependencyLine.pod} --tail=50`),
      formatKubectl(ev.target, `get endpointslices -l 'kubernetes.io/service-name in (${c.own.name},${dep})'`),
      ...(nodes ? [formatKubectl(ev.target, 'get nodes --sort-by=.metadata.creationTimestamp', 'cluster')] : []),
    ],
    affected: {
      pods: unique([...ev.pods.map((p) => p.name), ...c.dependency.pods.map((p) => p.name)]),
      nodes: listNodesOf([...ev.pods, ...c.dependency.pods]),
      services: [c.own.name, dep],
    },
  };
}
