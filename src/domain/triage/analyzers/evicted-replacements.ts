import type { EventEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { countReadyPods, limitLines } from '../pod-status.js';
import { listReplacedPods, CHURN_MIN } from '../replaced-pods.js';
import { formatAgo, formatSpan, msBetween } from '../time-span.js';
import { findTolerationChurn } from './toleration-churn.js';
import { decideDeschedulerFix, isDeschedulerEvent, readDeschedulerStrategy } from '../descheduler-strategy.js';
import { findColdStartLine } from '../cold-start-cost.js';
import { truncate } from '../../text.js';
import { condenseStructuredLine } from '../evidence-lookup.js';

/** Events that say something took a pod away through the eviction API (VPA updater, descheduler, autoscaler, kubelet). */
const EVICTION_REASON = /Evict|Descheduled|ScaleDown/i;
/** The descheduler's events.k8s.io events carry its strategy as the reason and say the eviction in the note. */
const EVICTION_MESSAGE = /\bevicted\b/i;

function isEviction(e: EventEvidence): boolean {
  return EVICTION_REASON.test(e.reason) || EVICTION_MESSAGE.test(e.message) || /descheduler/i.test(e.source ?? '');
}

/** The usual gap between replacements (median), newest first in: "one every ~5m" when it repeats. */
function describePace(replaced: readonly { createdAt: string }[]): string | undefined {
  const gaps = replaced.slice(1).map((p, i) => msBetween(p.createdAt, replaced[i]?.createdAt ?? p.createdAt)).sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)];
  return median === undefined || median <= 0 ? undefined : `one every ~${formatSpan(median)}`;
}

/** Who evicts, in words an engineer searches for: the event's own component, else its reason. */
function describeEvictor(e: EventEvidence): string {
  if (/VPA/i.test(e.reason) || /\bVPA\b/.test(e.message)) return 'the VPA updater';
  if (isDeschedulerEvent(e)) {
    const strategy = readDeschedulerStrategy(e);
    return strategy ? `the descheduler (${strategy})` : 'the descheduler';
  }
  return e.source ? `${e.source}` : 'something';
}

function decideFix(e: EventEvidence, namespace: string): string {
  if (/VPA/i.test(e.reason) || /\bVPA\b/.test(e.message)) {
    return 'stop the VerticalPodAutoscaler from evicting the pods: set its updateMode to "Initial" (or "Off" and apply its recommendations at deploys), or limit its evictions (a PodDisruptionBudget, minReplicas)';
  }
  if (isDeschedulerEvent(e)) return decideDeschedulerFix(readDeschedulerStrategy(e), namespace);
  return 'find what keeps evicting the pods and stop it (or add a PodDisruptionBudget)';
}

/**
 * The workload's pods are evicted one after another, with no rollout, and every replacement starts
 * not ready: the workload is always short. The gone pods' own events (read because the ReplicaSet
 * kept replacing them) name the evictor; the kubelet's evictions of pods still listed are eviction.ts's.
 */
export function analyzeEvictedReplacements(ev: TriageEvidence): Finding[] {
  const w = ev.workload;
  if (!w || w.kind === 'Job' || w.kind === 'CronJob') return [];
  const replaced = listReplacedPods(ev.events, ev.pods, ev.collectedAt);
  if (replaced.length < CHURN_MIN) return [];
  const gone = new Set(replaced.map((p) => p.name));
  const evictions = ev.events.filter((e) => e.object.kind === 'Pod' && gone.has(e.object.name) && isEviction(e));
  const newest = evictions.sort((a, b) => msBetween(a.lastSeen, b.lastSeen)).at(-1);
  if (newest === undefined) return [];
  // The taint manager evicting pods that tolerate its taint for a while: toleration-churn.ts says why.
  if (newest.reason === 'TaintManagerEviction' && findTolerationChurn(ev) !== undefined) return [];
  const oldest = replaced.at(-1);
  const span = oldest ? formatSpan(Math.max(0, msBetween(oldest.createdAt, ev.collectedAt))) : '1h';
  const ready = countReadyPods(ev);
  const starting = ev.pods.filter((p) => !p.ready && p.deletionTimestamp === undefined);
  const short = ready < w.specReplicas;
  const who = describeEvictor(newest);
  const pace = describePace(replaced);
  const fix = decideFix(newest, ev.target.namespace);
  // Pods that replaced the evicted ones (created since the churn began): what a fresh start costs shows in their logs.
  const since = oldest?.createdAt;
  const young = new Set(ev.pods.filter((p) => p.createdAt !== undefined && since !== undefined && msBetween(since, p.createdAt) >= 0).map((p) => p.name));
  const cost = findColdStartLine(ev.logs, young);
  // The line without its leading timestamp and column padding: the app's words are what matter.
  const costQuote = cost ? truncate(condenseStructuredLine(cost.line).replace(/^\S*\d\d:\d\d:\d\d\S*\s+/, '').replace(/\s{2,}/g, ' '), 220) : undefined;
  return [
    {
      id: 'eviction/replaced',
      kind: 'eviction',
      title: `${who.charAt(0).toUpperCase()}${who.slice(1)} keeps evicting pods of ${ev.target.name}: ${replaced.length} pods replaced in the last ${span}${pace ? `, ${pace}` : ''}${who.includes(newest.reason) ? '' : ` (${newest.reason})`}${short ? `, so ${ready}/${w.specReplicas} ready while each replacement starts` : ''}`,
      layer: 'node/eviction',
      severity: short && ready * 2 <= w.specReplicas ? 'critical' : 'warning',
      confidence: 'high',
      decisive: newest.message.trim(),
      evidence: [
        ...limitLines(evictions.map((e) => `${e.object.name}: ${e.reason} ${formatAgo(e.lastSeen, ev.collectedAt)}${e.source ? ` (${e.source})` : ''}: ${e.message}`), 3),
        `${replaced.length} pods created by the ReplicaSet in the last ${span} no longer exist; ${ready}/${w.specReplicas} ready now`,
        ...(cost ? [`${cost.pod} (${young.size} of ${ev.pods.length} pods started since the evictions began) logs what a fresh start costs: ${costQuote}`] : []),
        ...starting.map((p) => `${p.name}: not ready yet${p.createdAt ? ` (created ${formatAgo(p.createdAt, ev.collectedAt)})` : ""}`),
      ],
      likelyCause: `${who.charAt(0).toUpperCase()}${who.slice(1)} evicts the pods one after another (nothing crashes and no rollout happens); ${short ? 'each replacement needs time before it is ready, so the workload is short of a replica most of the time.' : `the replicas stay ready, but ${young.size} of ${ev.pods.length} pods started in the last ${span}.`}${cost ? ` Each replacement starts cold: "${costQuote}".` : ''}`,
      fix,
      nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`,
      confirmCommands: [
        formatKubectl(ev.target, `get events --field-selector reason=${newest.reason}`),
        ...(/VPA/i.test(newest.reason) ? [formatKubectl(ev.target, 'get vpa -o wide')] : []),
        ...(isDeschedulerEvent(newest) ? ['kubectl -n kube-system get configmap -l app.kubernetes.io/name=descheduler -o yaml'] : []),
      ],
      affected: { pods: starting.map((p) => p.name) },
    },
  ];
}
