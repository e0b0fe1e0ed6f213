/**
 * Inbound requests the workload's server cuts at one fixed elapsed time, the default a major of
 * its runtime brought (server-default-cut.ts: Node.js 18+'s 300 s requestTimeout). The pods are
 * healthy and short requests succeed; the revision that moved the runtime across that major is
 * the since (runtime-upgrade.ts), named in the title when it rolled out before the trigger window:
 * the default is in the process from its start and shows only when a long request meets it.
 */
import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf } from '../pod-status.js';
import { findUpgradeStep } from '../runtime-upgrade.js';
import { findDefaultCut, firstCutAt } from '../server-default-cut.js';
import { isInTriggerWindow } from '../trigger-window.js';

const seconds = (ms: number): string => `${Math.round(ms / 1000)} s`;

export function analyzeServerDefaultCut(ev: TriageEvidence): Finding[] {
  const cut = findDefaultCut(ev.logs, ev.pods, ev.revisions);
  if (cut === undefined) return [];
  const { rule } = cut;
  const podObjects = ev.pods.filter((p) => cut.pods.includes(p.name));
  const ready = podObjects.filter((p) => p.ready).length;
  const onset = firstCutAt(cut);
  const step = findUpgradeStep(ev.revisions, podObjects, rule.runtime, rule.since, ev.collectedAt);
  const sinceText = step !== undefined && !isInTriggerWindow(step.revision.createdAt, onset) ? ` since ${step.named}` : '';
  const runtime = cut.logged !== undefined ? `${rule.runtime.label} ${cut.logged}` : cut.major !== undefined ? `${rule.runtime.label} ${cut.major}` : `${rule.runtime.label} ${rule.since}+`;
  const elapsed = cut.hits.map((h) => h.elapsedMs);
  const [low, high] = [Math.min(...elapsed), Math.max(...elapsed)];
  const range = low === high ? `${low} ms` : `${low}–${high} ms`;
  const counted = `${cut.hits.length} in ${cut.pods.length} ${ready === cut.pods.length ? 'ready ' : ''}pod${cut.pods.length === 1 ? '' : 's'}`;
  const last = cut.hits[cut.hits.length - 1];
  const fix = `set ${rule.setting} in the app above the longest request it must take (0 turns the limit off)`;
  const rollback = step !== undefined ? `, or roll back to revision ${step.previous.revision}${step.from !== undefined ? ` (${rule.runtime.label} ${step.from})` : ''} until then` : '';
  return [{
    id: `container-config/server-default-cut/${cut.container}`,
    kind: 'container-config',
    title: `${ev.target.name}'s HTTP server cuts requests at ${seconds(rule.ms)}, its request timeout: requests aborted after ${range} (${counted})${sinceText} — ${runtime} defaults ${rule.what} to ${rule.ms} ms`,
    ...(step !== undefined ? { datesChange: true as const } : {}),
    latent: `${rule.what} is in force from the process's start; it shows only when a request runs longer than ${seconds(rule.ms)}`,
    layer: 'network/routing',
    severity: 'warning',
    confidence: cut.logged !== undefined || step?.to !== undefined ? 'high' : 'medium',
    evidence: [
      `requests aborted at ${range} elapsed: ${counted}; none served past ${seconds(rule.ms)}`,
      `log ${last?.pod ?? ''}/${cut.container}: ${condenseStructuredLine(last?.line ?? '').slice(0, 300)}`,
      `runtime: ${runtime}${step ? `; ${step.named}` : ''}`,
      `${rule.what}: ${rule.ms} ms by default since ${rule.runtime.label} ${rule.since}; ${rule.was}`,
    ],
    decisive: condenseStructuredLine(last?.line ?? ''),
    ...(onset ? { onset } : {}),
    likelyCause:
      `Since ${rule.runtime.label} ${rule.since}, ${rule.what} defaults to ${rule.ms} ms (${rule.was}): a request whose body has not fully arrived within ${seconds(rule.ms)} is answered 408 and its socket closed, and the app logs it as aborted. ` +
      `Every aborted request here ran ${range}, the same elapsed time, while shorter requests succeed: the server's own timer, not clients giving up or the network. Disabling the socket's idle timeout (server.timeout) does not lift it.` +
      `${step ? ` ${step.named} brought ${rule.runtime.label}${step.to !== undefined ? ` ${step.to}` : ` ${cut.logged ?? `${rule.since}+`}`}.` : ''}`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}${rollback}. Restarting the pods will not help.`,
    fix,
    confirmCommands: [formatKubectl(ev.target, `logs ${last?.pod ?? ''} -c ${cut.container} --tail=200`)],
    affected: { pods: cut.pods, nodes: listNodesOf(podObjects) },
  }];
}
