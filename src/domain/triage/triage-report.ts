import { runAnalyzers } from './analyzers/index.js';
import { collapseEvents, formatEventLine } from './collapse-events.js';
import type { IsoTime, PodEvidence, ReadFailure, TriageEvidence, TriageTarget } from './evidence.js';
import { findCondition, hasReadFailure } from './evidence-lookup.js';
import type { Finding } from './finding.js';
import { HISTORY_MS, getLastTermination, getWaiting, groupBy, listContainers, listNodesOf } from './pod-status.js';
import { formatCensus } from './pod-state.js';
import { rankFindings } from './rank-findings.js';
import { dropSupersededRuns } from './superseded-runs.js';
import { findUnexplained } from './unexplained.js';
import { attachCallerImpact } from './service-callers.js';
import { linkRelatedWarnings } from './related-warnings.js';
import { diagnose } from './verdict/diagnose.js';
import type { Diagnosis } from './verdict/diagnose.js';
import { acquitRollout } from './verdict/trigger.js';
import { redactLines, redactSecrets } from './redact-secrets.js';
import { diffRevisions, sortRevisions } from './revision-diff.js';
import { findNearMiss, getPodLabels, listSelectingServices, listSlicesOf } from './service-match.js';
import { formatAgo, formatSpan, isWithin, msBetween } from './time-span.js';
import { truncate } from '../text.js';

/** Log lines per container shown in the thread; the tail is what explains a crash. */
export const LOG_TAIL_LINES = 20;
/** Collapsed event lines shown in the thread. */
export const EVENT_LINES = 25;
/** Characters of a revision's change-cause shown in the rollout history. */
const CHANGE_CAUSE_MAX = 160;

export type { Verdict } from './triage-headline.js';
import type { Verdict } from './triage-headline.js';
import { formatHeadline, listGaps } from './triage-headline.js';

export interface PodLine {
  name: string;
  phase: PodEvidence['phase'];
  ready: boolean;
  restarts: number;
  revision?: number;
  /** "Running", "CrashLoopBackOff (last exit 137 OOMKilled, 3m ago)", "Pending: Unschedulable". */
  status: string;
}

export interface TriageSections {
  /** Pods grouped by node; `node: null` holds unscheduled pods. */
  podsByNode: { node: string | null; nodeStatus: string; pods: PodLine[] }[];
  /** Collapsed events, warnings first, most recent first. */
  events: { object: string; type: 'Normal' | 'Warning'; reason: string; line: string; lastSeen: IsoTime }[];
  /** Revisions newest first, with what each changed against the one before. */
  rollout: { revision: number; name: string; createdAt: IsoTime; age: string; current: boolean; images: string[]; replicas?: number; changes: string[]; changeCause?: string }[];
  nodes: { name: string; ready: string; problems: string[]; taints: string[]; unschedulable: boolean; allocatable: { cpu?: string; memory?: string } }[];
  /** Redacted log tails. */
  logs: { pod: string; container: string; previous: boolean; lines: string[]; omitted: number }[];
  /** Services selecting the workload, plus near-misses (`selectsWorkload: false`). */
  endpoints: { service: string; selectsWorkload: boolean; ready: number; notReady: number; ports: string[] }[];
  /** Objects of the namespace created or changed in the last day, newest first: what changed around the workload. */
  changes: { kind: string; name: string; what: 'created' | 'changed'; at: IsoTime; age: string }[];
}

export interface TriageReport {
  target: TriageTarget;
  verdict: Verdict;
  /** The verdict's first line: mechanism, trigger, scope and action (or the all-clear). */
  headline: string;
  /** The causal chain behind a `problems` verdict. */
  diagnosis?: Diagnosis;
  /** Ranked: the first is where to act. */
  findings: Finding[];
  /** What was looked at, so an all-clear says what it rests on. */
  checked: string[];
  couldNotRead: ReadFailure[];
  /** Analyzers that failed with a bug; their checks did not run. */
  analyzerFailures: { analyzer: string; error: string }[];
  startedAt: IsoTime;
  finishedAt: IsoTime;
  collectedAt: IsoTime;
  durationMs: number;
  /** How much of each kind was read; absent where the read failed (couldNotRead names it). */
  reads: ReadCounts;
  sections: TriageSections;
}

export interface ReadCounts {
  workload?: { kind: string; ready: number; desired: number; revision?: number };
  pods?: number;
  /** All pods of the workload when only the least healthy were read in detail. */
  podsTotal?: number;
  /** "300 pods: 260 Pending (Unschedulable), 40 Running", when only the least healthy were read in detail. */
  podCensus?: string;
  events?: number;
  /** Containers whose logs were read. */
  logs?: number;
  nodes?: number;
  revisions?: number;
  services?: number;
  pvcs?: number;
}

/**
 * Runs every analyzer on the evidence, ranks the findings and assembles the report the
 * Slack adapter renders. Everything textual is redacted here, the last stop before Slack.
 * Verdict: problems when any warning or critical finding exists; otherwise inconclusive when
 * the workload or its pods could not be read or an analyzer failed; otherwise healthy.
 */
export function buildTriageReport(read: TriageEvidence, times: { startedAt: IsoTime; finishedAt: IsoTime }): TriageReport {
  // Judged on the workload's state now; the thread still shows everything read.
  const ev = dropSupersededRuns(read);
  const run = runAnalyzers(ev);
  // One hop out: Warnings of objects the workload depends on join the finding that names them.
  const linked = linkRelatedWarnings(ev, run.findings);
  const unexplained = findUnexplained(ev, [...linked.findings, ...linked.related]);
  const ranked = rankFindings([...linked.findings, ...linked.related, ...unexplained]).map(redactFinding);
  const problems = ranked.filter((f) => f.severity !== 'info');
  let verdict: Verdict = 'healthy';
  if (problems.length > 0) verdict = 'problems';
  else if (listGaps(ev).length > 0 || run.failures.length > 0) verdict = 'inconclusive';
  const diagnosed = verdict === 'problems' ? diagnose(ev, ranked) : undefined;
  // What the workload's outage cost its callers (their own logs) joins the finding where to act.
  const findings = attachCallerImpact(ev, diagnosed ? acquitRollout(ranked, diagnosed.trigger, diagnosed.mechanism) : ranked);
  // Built from redacted findings; the trigger's diff and the action are redacted here too.
  const diagnosis = diagnosed && { ...diagnosed, headline: redactSecrets(diagnosed.headline), action: redactSecrets(diagnosed.action), trigger: { ...diagnosed.trigger, text: redactSecrets(diagnosed.trigger.text) } };

  return {
    target: read.target,
    verdict,
    headline: redactSecrets(diagnosis?.headline ?? formatHeadline(ev, verdict, run.failures.length, findings)),
    ...(diagnosis ? { diagnosis } : {}),
    findings,
    checked: listChecked(read),
    couldNotRead: read.readFailures.map((f) => ({ ...f, detail: redactSecrets(f.detail) })),
    analyzerFailures: run.failures,
    startedAt: times.startedAt,
    finishedAt: times.finishedAt,
    collectedAt: read.collectedAt,
    durationMs: Math.max(0, msBetween(times.startedAt, times.finishedAt)),
    reads: countReads(read),
    sections: buildSections(read),
  };
}

function redactFinding(f: Finding): Finding {
  return {
    ...f,
    title: redactSecrets(f.title),
    evidence: f.evidence.map(redactSecrets),
    likelyCause: redactSecrets(f.likelyCause),
    nextAction: redactSecrets(f.nextAction),
    ...(f.decisive !== undefined ? { decisive: redactSecrets(f.decisive) } : {}),
    ...(f.fix !== undefined ? { fix: redactSecrets(f.fix) } : {}),
    ...(f.explains ? { explains: f.explains.map(redactSecrets) } : {}),
  };
}

function listChecked(ev: TriageEvidence): string[] {
  const checked: string[] = [];
  const ok = (source: ReadFailure['source']) => !hasReadFailure(ev, source);
  const w = ev.workload;
  if (w) checked.push(`${w.kind} ${w.name}: ${w.readyReplicas}/${w.specReplicas} ready${w.currentRevision !== undefined ? `, revision ${w.currentRevision}` : ''}, conditions`);
  if (ok('pods')) {
    const nodes = listNodesOf(ev.pods).length;
    checked.push(`${ev.pods.length} pod${ev.pods.length === 1 ? '' : 's'} on ${nodes} node${nodes === 1 ? '' : 's'}: container states, exit codes, restarts, probes`);
    if (ev.census && ev.census.total > ev.pods.length) checked.push(`${formatCensus(ev.census)} (details of the ${ev.pods.length} least healthy)`);
  }
  if (ok('events')) {
    const warnings = ev.events.filter((e) => e.type === 'Warning').length;
    checked.push(`${ev.events.length} events (${collapseEvents(ev.events).length} after collapsing, ${warnings} warnings)`);
  }
  if (ok('revisions')) {
    const [newest] = sortRevisions(ev.revisions);
    checked.push(`rollout history (${ev.revisions.length} revision${ev.revisions.length === 1 ? '' : 's'}${newest ? `, latest ${newest.revision} created ${formatAgo(newest.createdAt, ev.collectedAt)}` : ''})`);
  }
  if (ok('nodes')) checked.push(`${ev.nodes.length} node${ev.nodes.length === 1 ? '' : 's'}: conditions, taints, allocatable`);
  if (ok('services')) {
    const selecting = listSelectingServices(ev).length;
    checked.push(
      `${ev.services.length} Service${ev.services.length === 1 ? '' : 's'} in ${ev.target.namespace} (${selecting} select${selecting === 1 ? 's' : ''} the workload)` +
        (ok('endpointSlices') ? `, ${ev.endpointSlices.length} EndpointSlices` : ''),
    );
  }
  if (ok('hpa')) checked.push(ev.hpas.length > 0 ? ev.hpas.map((h) => `HPA ${h.name}: ${h.currentReplicas} replicas (${h.minReplicas}–${h.maxReplicas})`).join('; ') : 'no HPA');
  if (ok('pvcs') && ev.pvcs.length > 0) checked.push(`${ev.pvcs.length} PVC${ev.pvcs.length === 1 ? '' : 's'}`);
  if (ok('logs')) {
    const previous = ev.logs.filter((l) => l.previous).length;
    const current = ev.logs.length - previous;
    checked.push(ev.logs.length > 0 ? `logs: ${previous} crashed run${previous === 1 ? '' : 's'}, ${current} current` : 'no logs (no crashed or running containers)');
  }
  return checked;
}

function countReads(ev: TriageEvidence): ReadCounts {
  const ok = (source: ReadFailure['source']) => !hasReadFailure(ev, source);
  const w = ev.workload;
  return {
    ...(w ? { workload: { kind: w.kind, ready: w.readyReplicas, desired: w.specReplicas, ...(w.currentRevision !== undefined ? { revision: w.currentRevision } : {}) } } : {}),
    ...(ok('pods') ? { pods: ev.pods.length, ...(ev.census && ev.census.total > ev.pods.length ? { podsTotal: ev.census.total, podCensus: formatCensus(ev.census) } : {}) } : {}),
    ...(ok('events') ? { events: ev.events.length } : {}),
    ...(ok('logs') ? { logs: new Set(ev.logs.map((l) => `${l.pod}/${l.container}`)).size } : {}),
    ...(ok('nodes') ? { nodes: ev.nodes.length } : {}),
    ...(ok('revisions') ? { revisions: ev.revisions.length } : {}),
    ...(ok('services') ? { services: ev.services.length } : {}),
    ...(ok('pvcs') && ev.pvcs.length > 0 ? { pvcs: ev.pvcs.length } : {}),
  };
}

function describePodStatus(pod: PodEvidence, now: IsoTime): string {
  if (pod.deletionTimestamp) return 'Terminating';
  if (pod.reason) return `${pod.phase}: ${pod.reason}`;
  for (const { container } of listContainers(pod)) {
    const waiting = getWaiting(container);
    if (!waiting) continue;
    const last = getLastTermination(container);
    const exit = last ? ` (last exit ${last.exitCode}${last.reason ? ` ${last.reason}` : ''}${last.finishedAt ? `, ${formatAgo(last.finishedAt, now)}` : ''})` : '';
    return `${waiting.reason}${exit}`;
  }
  if (pod.phase === 'Pending') {
    const scheduled = findCondition(pod.conditions, 'PodScheduled');
    return scheduled?.status === 'False' ? `Pending: ${scheduled.reason ?? 'not scheduled'}` : 'Pending';
  }
  return pod.phase === 'Running' && !pod.ready ? 'Running, not ready' : pod.phase;
}

function describeNodeStatus(ev: TriageEvidence, node: string): string {
  const n = ev.nodes.find((x) => x.name === node);
  if (!n) return 'not read';
  const ready = findCondition(n.conditions, 'Ready');
  const bad = n.conditions.filter((c) => c.type !== 'Ready' && c.status === 'True').map((c) => c.type);
  return [ready?.status === 'True' ? 'Ready' : 'NotReady', ...bad, ...(n.unschedulable ? ['cordoned'] : [])].join(', ');
}

function buildSections(ev: TriageEvidence): TriageSections {
  const revisionOf = (p: PodEvidence) => ev.revisions.find((r) => r.hash === p.revisionHash)?.revision;
  const podsByNode = [...groupBy(ev.pods, (p) => p.nodeName ?? '').entries()].map(([node, pods]) => ({
    node: node === '' ? null : node,
    nodeStatus: node === '' ? 'unscheduled' : describeNodeStatus(ev, node),
    pods: pods.map((p) => {
      const revision = revisionOf(p);
      return {
        name: p.name,
        phase: p.phase,
        ready: p.ready,
        restarts: listContainers(p).reduce((n, r) => n + r.container.restartCount, 0),
        ...(revision !== undefined ? { revision } : {}),
        status: describePodStatus(p, ev.collectedAt),
      };
    }),
  }));

  const events = collapseEvents(ev.events)
    .sort((a, b) => Number(a.type === 'Normal') - Number(b.type === 'Normal') || msBetween(a.lastSeen, b.lastSeen))
    .slice(0, EVENT_LINES)
    .map((e) => ({
      object: `${e.objectKind.toLowerCase()}/${e.objectNames[0] ?? ''}`,
      type: e.type,
      reason: e.reason,
      line: redactSecrets(formatEventLine(e)),
      lastSeen: e.lastSeen,
    }));

  const sorted = sortRevisions(ev.revisions);
  const current = ev.workload?.currentRevision ?? sorted[0]?.revision;
  const rollout = sorted.map((r, i) => {
    const older = sorted[i + 1];
    return {
      revision: r.revision,
      name: r.name,
      createdAt: r.createdAt,
      age: formatSpan(msBetween(r.createdAt, ev.collectedAt)),
      current: r.revision === current,
      images: r.containers.map((c) => `${c.name}=${c.image}`),
      ...(r.replicas !== undefined ? { replicas: r.replicas } : {}),
      changes: older ? diffRevisions(older, r) : [],
      // What the deployer said the revision changed (kubectl rollout history's CHANGE-CAUSE): a base image or a dependency the template does not show.
      ...(r.changeCause ? { changeCause: truncate(redactSecrets(r.changeCause), CHANGE_CAUSE_MAX) } : {}),
    };
  });

  const nodes = ev.nodes.map((n) => ({
    name: n.name,
    ready: findCondition(n.conditions, 'Ready')?.status ?? 'Unknown',
    problems: n.conditions.filter((c) => c.type !== 'Ready' && c.status === 'True').map((c) => c.type),
    taints: n.taints.map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`),
    unschedulable: n.unschedulable,
    allocatable: {
      ...(n.allocatable['cpu'] ? { cpu: n.allocatable['cpu'] } : {}),
      ...(n.allocatable['memory'] ? { memory: n.allocatable['memory'] } : {}),
    },
  }));

  const logs = ev.logs.map((l) => ({
    pod: l.pod,
    container: l.container,
    previous: l.previous,
    lines: redactLines(l.lines.slice(-LOG_TAIL_LINES)),
    omitted: Math.max(0, l.lines.length - LOG_TAIL_LINES),
  }));

  // Services that select the workload, and those one label away from it (likely meant to).
  const selecting = new Set(listSelectingServices(ev).map((s) => s.name));
  const labels = getPodLabels(ev);
  const endpoints = ev.services
    .filter((s) => selecting.has(s.name) || findNearMiss(s, labels, ev.target.name) !== undefined)
    .map((s) => {
      const eps = listSlicesOf(ev, s.name).flatMap((x) => x.endpoints);
      return {
        service: s.name,
        selectsWorkload: selecting.has(s.name),
        ready: eps.filter((e) => e.ready && !e.terminating).length,
        notReady: eps.filter((e) => !e.ready || e.terminating).length,
        ports: s.ports.map((p) => `${p.port}→${p.targetPort}/${p.protocol}`),
      };
    });

  const changes = (ev.namespaceObjects ?? [])
    .map((o) => ({ o, what: (o.changedAt !== undefined ? 'changed' : 'created') as 'created' | 'changed', at: o.changedAt ?? o.createdAt }))
    .filter((c): c is typeof c & { at: IsoTime } => c.at !== undefined && isWithin(c.at, ev.collectedAt, HISTORY_MS))
    .sort((a, b) => msBetween(a.at, b.at))
    .slice(0, 20)
    .map((c) => ({ kind: c.o.kind, name: c.o.name, what: c.what, at: c.at, age: formatAgo(c.at, ev.collectedAt) }));

  return { podsByNode, events, rollout, nodes, logs, endpoints, changes };
}
