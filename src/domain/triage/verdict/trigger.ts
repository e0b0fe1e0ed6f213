/**
 * The trigger: what changed shortly before the failure began — a revision (with what it changed),
 * an object of the namespace (a NetworkPolicy, a quota, a ConfigMap the pods read), a node going
 * bad — or that nothing did. A change is the "since" of a verdict, never its "what", and a
 * recent rollout is not blamed when the evidence exonerates it.
 */
import type { IsoTime, NamespaceJobEvidence, NamespaceObjectEvidence, PodEvidence, RevisionEvidence, TriageEvidence } from '../evidence.js';
import { clipMiddle } from '../collapse-events.js';
import { findOnset, recursSinceRollout } from '../failure-onset.js';
import { HISTORY_MS } from '../pod-status.js';
import { describeLateLogErrors } from '../late-log-errors.js';
import { adviseDeletedData, adviseScheduledJobs, describeJobDeleted, describeJobsBeforeOnset, findJobsBeforeOnset } from '../jobs-before-onset.js';
import { findMissingDataObject } from '../missing-data-object.js';
import { findDataObjectRollout } from '../data-object-rollout.js';
import { listErrorLines } from '../error-line.js';
import { listWorkloadConfigRefs } from '../rate-limit-jobs.js';
import type { Finding } from '../finding.js';
import { unique } from '../pod-status.js';
import { diffRevisions, sortRevisions } from '../revision-diff.js';
import { matchesLabels } from '../service-match.js';
import { describeOriginChange, findResourceOrigin, findStorageLimitOrigin, type ResourceOrigin } from '../resource-origin.js';
import { HOUR_MS, earliest, formatAgo, formatSpan, msBetween } from '../time-span.js';
import type { Differential } from './differential.js';
import { capitalize } from '../../text.js';
import { TRIGGER_WINDOW_MS, isInTriggerWindow } from '../trigger-window.js';
import { describeUntouched, pickChange } from './mechanism-diff.js';
import { describeAddedUse, describeNewRevisionAlone } from './shared-limit-use.js';
import { pickMechanismSetting, pickRemovedLimit } from '../mechanism-settings.js';
import { findNewOrdinalsFailing, findScaleUp, isScaleSensitive } from './scale-up-trigger.js';
import { findCotenantScaleUp } from '../cotenant-scale-up.js';
import { describeRollback, findRollback, rolloutTimeOf, type Rollback } from '../revision-rollback.js';
import { findHpaMaxChange } from '../hpa-max-change.js';
import { leavesContainerAlone, readFailingContainer, readsConfigMap } from './untouched-container.js';
import { findSettingKey } from './setting-key.js';
import { describeMarkedObject, describeMarker, findRestartMarker, type RestartMarker } from '../restart-marker.js';
import { isConfigMapReadByPods } from '../config-map-readers.js';

export type Trigger =
  /** `rollback`: the revision is an old ReplicaSet a rollout undo brought back; `previous` is what it replaced. */
  /** `reloaded`: the revision only stamped a restart marker (restart-marker.ts): what changed is the object the pods re-read, and a rollback would re-read it too. */
  | { kind: 'revision'; revision: RevisionEvidence; previous: RevisionEvidence; diff: string[]; change?: string; text: string; at: IsoTime; rollback?: Rollback; reloaded?: RestartMarker }
  /** `historyGone`: a later revision whose earlier ReplicaSets are no longer kept (revisionHistoryLimit, or deleted): nothing to compare with or roll back to, yet not a first install. */
  | { kind: 'first-install'; revision: RevisionEvidence; text: string; at: IsoTime; historyGone?: true }
  /** `restartOf`: the revision that changed nothing in the template (a rollout restart) and made new pods read the object's change. */
  /** `leftAlone`: the failing container, which `restartOf` changed nothing of while it changed other containers (untouched-container.ts). */
  | { kind: 'object-change'; object: NamespaceObjectEvidence; text: string; at: IsoTime; restartOf?: RevisionEvidence; leftAlone?: string }
  /** `clears`: the newest revision runs Ready on other nodes, so it is not to roll back. */
  | { kind: 'node'; node: string; text: string; at?: IsoTime; clears?: string }
  /** `back`: the replicas it ran before a scale-up by hand. */
  | { kind: 'scale-up'; text: string; at: IsoTime; back?: number; /** Another Deployment of the namespace whose scale-up it was; absent: the workload's own. */ workload?: string }
  /** The HPA the mechanism is pinned at had its maxReplicas lowered (or rewritten) just before: hpa-max-change.ts. */
  | { kind: 'hpa-change'; text: string; at: IsoTime }
  /** Admission (a LimitRange's default, a VPA) set the resources the pods fail with when they were re-created. */
  | { kind: 'resources-set'; origin: ResourceOrigin; text: string; at?: IsoTime }
  /** Nothing of the workload changed (or the evidence clears its rollout); `ranBefore` names Jobs of the namespace that ran just before the onset, a change to check. */
  /** `gone`: the data object the pods' errors say is missing ("index x"): the Job that ran just before deleted it, so it is the trigger (missing-data-object.ts). */
  /** `rolledOut`: no Job ran, and another Deployment talking to the same store rolled out just before: that Deployment (data-object-rollout.ts); `text` is then its "likely since …". */
  | { kind: 'none'; text: string; exonerated?: string; ranBefore?: { jobs: NamespaceJobEvidence[]; text: string; advice?: string; gone?: string; rolledOut?: string } };

function podsOf(ev: TriageEvidence, mechanism: Finding | undefined, d: Differential): PodEvidence[] {
  const names = new Set(mechanism?.affected?.pods ?? []);
  const mine = ev.pods.filter((p) => names.has(p.name));
  return mine.length > 0 ? mine : d.failing;
}

/** When the trouble began: the mechanism's pods' first failure, else when its analyzer saw it begin, else its earliest warning event. */
function onsetOf(ev: TriageEvidence, mechanism: Finding | undefined, pods: readonly PodEvidence[]): IsoTime | undefined {
  // A fault that built up before the pods failed (a leak draining a pool) began with its own first warning.
  if (mechanism?.buildsUp !== undefined && mechanism.onset !== undefined) return earliest([mechanism.onset, findOnset(ev, pods)]);
  const fromPods = findOnset(ev, pods) ?? mechanism?.onset;
  if (fromPods !== undefined) return fromPods;
  const warnings = ev.events.filter((e) => e.type === 'Warning' && msBetween(e.lastSeen, ev.collectedAt) <= 24 * HOUR_MS);
  return earliest(warnings.map((e) => e.firstSeen));
}

/** Whether a namespace object's change can explain this mechanism. */
function isRelevant(ev: TriageEvidence, o: NamespaceObjectEvidence, mechanism: Finding | undefined, pods: readonly PodEvidence[]): boolean {
  const k = mechanism?.kind;
  switch (o.kind) {
    case 'NetworkPolicy': {
      const policy = ev.networkPolicies?.find((p) => p.name === o.name);
      const selects = policy !== undefined && (Object.keys(policy.podSelector).length === 0 || pods.some((p) => matchesLabels(policy.podSelector, p.labels)));
      return selects && (k === 'network-policy' || k === 'dependency-error' || k === 'readiness-probe' || k === 'cluster-dns');
    }
    case 'ResourceQuota':
      return k === 'pod-create-failed' || k === 'oom-killed';
    case 'LimitRange': {
      // Admission applies a LimitRange to pods created after it; running pods keep what they had.
      const since = changeTime(o);
      const applied = since !== undefined && pods.some((p) => p.createdAt !== undefined && msBetween(since, p.createdAt) >= 0);
      return k === 'pod-create-failed' || (k === 'oom-killed' && applied);
    }
    case 'Namespace':
      // Mesh injection turned on puts a proxy in every pod created after it: one that never exits holds a Job's pod open.
      return k === 'pod-create-failed' || (k === 'job-sidecar' && o.meshInjection !== undefined);
    case 'ConfigMap': {
      const used = isConfigMapReadByPods(pods, o.name);
      // A readiness probe failed (or not yet run) by its own settings in the pod template — too tight, or
      // an initialDelaySeconds longer than the pods are old — owes nothing to a ConfigMap.
      const probeSettings = k === 'readiness-probe' && /\/(hair-trigger|initial-delay)$/.test(mechanism?.id ?? '');
      // A mechanism that names the ConfigMap as where its setting comes from (a statement timeout in its PGOPTIONS).
      // A destination missing on the broker (a topic, a stream) may be a name the pods read from it that was edited.
      const name = o.name.replace(/[.]/g, '\\.');
      const named = mechanism !== undefined && new RegExp(`\\bConfigMap ${name}(?![\\w.-])`).test(mechanism.title);
      // A title that says itself when the ConfigMap changed ("ConfigMap x, changed 40m ago") needs no "since" to repeat it.
      const dated = mechanism !== undefined && new RegExp(`\\bConfigMap ${name},? changed\\b`).test(mechanism.title);
      // One the mechanism says holds its setting (the limit a dependency's pod mounts and refuses at): these pods need not read it.
      const holds = (mechanism?.affected?.configMaps ?? []).includes(o.name);
      // Named as where the setting lives, it is the lead whoever reads it (a proxy's config in front of these pods).
      // One whose key is a setting the mechanism quotes (KAFKA_TRANSACTION_TIMEOUT_MS for transaction.timeout.ms) is as tied.
      const keyed = findSettingKey(o, mechanism) !== undefined;
      // A size the process reads at its start (an executor's queue capacity): what the pods read is where it is set.
      const sized = mechanism?.sizedAtStart !== undefined;
      return !probeSettings && (holds || ((named || keyed) && (used || !dated)) || (used && (sized || k === 'exit-code' || k === 'crash-loop' || k === 'readiness-probe' || k === 'liveness-kill' || k === 'container-config' || k === 'dependency-error' || k === 'missing-destination')));
    }
    case 'Service':
      // A mechanism that dates the change of the Service it names (its source ranges written) needs no "since" to repeat it.
      if (mechanism?.datesChange && (mechanism.affected?.services ?? []).includes(o.name)) return false;
      // A fault of what stands in front of the pods (a balancer they now sit behind): the Service that carries traffic to them is its change.
      if (fronts(ev, o.name, mechanism, pods)) return true;
      // A dependency reached through this Service (an ExternalName's target, its traffic policy), or
      // the variables the kubelet injects for it (service links) that a crashing app reads: its change is the lead.
      // Topology-aware routing turned on for the Service: its change is when the zone's pods began to take their callers' load.
      // publishNotReadyAddresses put on it: its change is when warming pods began to take callers' requests.
      return k === 'service-selector' || k === 'service-target-port' || k === 'service-endpoints' || ((k === 'dependency-error' || k === 'exit-code' || k === 'topology-routing' || k === 'service-publish-not-ready') && (mechanism?.affected?.services ?? []).includes(o.name));
  }
}

/** The mechanism lies in the traffic path in front of the pods, and the Service selects them. */
function fronts(ev: TriageEvidence, service: string, mechanism: Finding | undefined, pods: readonly PodEvidence[]): boolean {
  if (mechanism?.layer !== 'network/routing' || mechanism.outsideWorkload === undefined) return false;
  const svc = ev.services.find((s) => s.name === service);
  return svc !== undefined && Object.keys(svc.selector).length > 0 && pods.some((p) => matchesLabels(svc.selector, p.labels));
}

/**
 * For errors no analyzer explains: the newest ConfigMap the pods read that changed in the window
 * before the onset. A restart of the same template changed nothing else they run with.
 */
function findReadConfigMapChange(ev: TriageEvidence, onset: IsoTime | undefined, pods: readonly PodEvidence[]): NamespaceObjectEvidence | undefined {
  const changed = (ev.namespaceObjects ?? []).filter((o) => o.kind === 'ConfigMap' && isInTriggerWindow(changeTime(o), onset) && isConfigMapReadByPods(pods, o.name));
  return changed.sort((a, b) => msBetween(changeTime(a) ?? ev.collectedAt, changeTime(b) ?? ev.collectedAt))[0];
}

function changeTime(o: NamespaceObjectEvidence): IsoTime | undefined {
  return o.changedAt ?? o.createdAt;
}

/** "ConfigMap x was changed 40m ago", with the key that ties it when the mechanism names neither. */
function describeObjectChange(o: NamespaceObjectEvidence, now: IsoTime, mechanism?: Finding): string {
  const at = changeTime(o) ?? now;
  const how = o.changedAt !== undefined && o.changedAt !== o.createdAt ? 'was changed' : 'was created';
  const said = `${mechanism?.title ?? ''}\n${mechanism?.fix ?? ''}`;
  const tied = mechanism !== undefined && !said.includes(`${o.kind} ${o.name}`) ? findSettingKey(o, mechanism) : undefined;
  const key = tied !== undefined && !said.includes(tied) ? tied : undefined;
  const injection = mechanism?.kind === 'job-sidecar' && o.meshInjection !== undefined ? ` (${o.meshInjection.setting})` : '';
  return `${o.kind} ${o.name}${key ? ` (${key})` : ''} ${how} ${formatAgo(at, now)}${injection}`;
}

/** "a restart of the same template (only its restartedAt annotation changed, 20m ago); no edit of …": a time stamp with no edited object found. */
function describeRestartOnly(m: RestartMarker, ago?: string): string {
  return `a restart of the same template (only ${describeMarker(m)} changed${ago !== undefined ? `, ${ago}` : ''}); no edit of the Secrets and ConfigMaps the pods read was found`;
}

/** A changed command or env line can run long; the thread has the whole diff. */
const CHANGE_MAX = 160;

/** "revision 14 (18m ago, app image 4.2.0 → 4.3.0)". */
function describeRevision(r: RevisionEvidence, change: string | undefined, now: IsoTime): string {
  return `revision ${r.revision} (${formatAgo(r.createdAt, now)}${change ? `: ${clipMiddle(change, CHANGE_MAX)}` : ''})`;
}

/** "revision 17 (a rollback restoring revision 12, 22m ago: app image 2.7.1 → 2.3.0, a release 41d old)". */
function describeRollbackRevision(r: Rollback, at: IsoTime, change: string | undefined, now: IsoTime): string {
  return `revision ${r.revision.revision} (${describeRollback(r)}, ${formatAgo(at, now)}${change ? `: ${clipMiddle(change, CHANGE_MAX)}` : ''}, a release ${formatSpan(msBetween(r.revision.createdAt, now))} old)`;
}

/** The pod's current log carries the mechanism's decisive line (a quoted log error, not a probe message). */
function logsDecisive(ev: TriageEvidence, pod: string, decisive: string | undefined): boolean {
  if (decisive === undefined || decisive.length < 12) return false;
  return ev.logs.some((l) => l.pod === pod && !l.previous && l.lines.some((line) => line.includes(decisive)));
}

export function findTrigger(ev: TriageEvidence, mechanism: Finding | undefined, d: Differential): Trigger {
  const now = ev.collectedAt;
  if (mechanism?.kind === 'node-condition') {
    const node = mechanism.affected?.nodes?.[0] ?? '';
    const n = ev.nodes.find((x) => x.name === node);
    const bad = n?.conditions.filter((c) => (c.type === 'Ready' ? c.status !== 'True' : c.status === 'True')) ?? [];
    const at = earliest(bad.map((c) => c.lastTransitionTime));
    // A revision just before the node went bad, whose pods are Ready on other nodes: the failure is the node's, not the rollout's.
    const [latest] = sortRevisions(ev.revisions);
    const fine = latest === undefined || !isInTriggerWindow(rolloutTimeOf(ev, latest), at) ? 0 : ev.pods.filter((p) => p.ready && p.nodeName !== undefined && p.nodeName !== node && p.revisionHash === latest.hash).length;
    const clears = latest !== undefined && fine > 0 ? `revision ${latest.revision} runs fine on ${fine} pod${fine === 1 ? '' : 's'} on other nodes: not the rollout` : undefined;
    return { kind: 'node', node, text: `node ${node} ${at ? `went bad ${formatAgo(at, now)}` : 'is unhealthy'}`, ...(at ? { at } : {}), ...(clears ? { clears } : {}) };
  }
  const pods = podsOf(ev, mechanism, d);
  const onset = onsetOf(ev, mechanism, pods);
  const [newest, previous] = sortRevisions(ev.revisions);
  // A rollout undo re-uses an old ReplicaSet: it became current when it was scaled back up.
  const rollback = findRollback(ev);
  const rolledOut = newest === undefined ? undefined : rollback?.at ?? newest.createdAt;

  // A namespace object changed just before: the stronger lead when the mechanism is its kind of failure.
  const objects = (ev.namespaceObjects ?? []).filter((o) => isInTriggerWindow(changeTime(o), onset) && isRelevant(ev, o, mechanism, pods));
  const object = objects.sort((a, b) => msBetween(changeTime(a) ?? now, changeTime(b) ?? now))[0];

  // The limit the pods die at was set by admission as they were re-created: no revision shows that
  // change, and it outweighs a revision that left the limit alone.
  const origin = findMechanismOrigin(ev, mechanism, pods);
  if (origin !== undefined && isInTriggerWindow(origin.appliedAt, onset)) {
    const recent = newest !== undefined && previous !== undefined && isInTriggerWindow(rolledOut, onset);
    if (!recent || !diffRevisions(previous, newest).some((l) => l.includes(origin.what))) {
      return { kind: 'resources-set', origin, text: describeOriginChange(origin, now, ev.target.namespace), ...(origin.appliedAt ? { at: origin.appliedAt } : {}) };
    }
  }

  // An HPA pinned at a maximum that was lowered below the replicas it ran: that change holds it there,
  // whenever in the lookback it came; a write of the maximum that scaled nothing counts in the window only.
  const hpaChange = findMechanismHpaChange(ev, mechanism);
  if (hpaChange !== undefined && (hpaChange.lowered || isInTriggerWindow(hpaChange.at, onset))) return { kind: 'hpa-change', text: hpaChange.text, at: hpaChange.at };

  const hashed = pods.length > 0 && pods.every((p) => p.revisionHash !== undefined);
  const onNewest = newest !== undefined && (!hashed || pods.some((p) => p.revisionHash === newest.hash));
  const recurring = rolledOut !== undefined && object === undefined && recursSinceRevision(ev, mechanism, pods, newest, previous, rolledOut, onset, rollback);
  if (newest !== undefined && rolledOut !== undefined && onNewest && (isInTriggerWindow(rolledOut, onset) || recurring)) {
    // The object that refuses (a quota lowered just before) is itself the change when it changed in the window.
    if (mechanism?.outsideWorkload !== undefined && object !== undefined && mechanism.title.includes(`${object.kind} ${object.name} `)) {
      return { kind: 'object-change', object, text: describeObjectChange(object, now, mechanism), at: changeTime(object) ?? now };
    }
    // A limit the pods' own use counts against (a node's inotify instances) clears the revision only when
    // the differential bears it out: its pods alone failing while the revision before runs say it uses more.
    const alone = mechanism?.sharedLimit !== undefined && previous !== undefined && rollback === undefined ? describeNewRevisionAlone(pods, d, newest, previous) : undefined;
    if (alone !== undefined && previous !== undefined) {
      const diff = diffRevisions(previous, newest);
      const change = describeAddedUse(ev, previous, newest) ?? pickChange(mechanism, diff, previous, newest);
      return { kind: 'revision', revision: newest, previous, diff, ...(change ? { change } : {}), text: `${describeRevision(newest, change, now)}, which uses more ${mechanism?.sharedLimit ?? ''}: ${alone}`, at: newest.createdAt };
    }
    if (mechanism?.outsideWorkload !== undefined) {
      // The mechanism's title already names the change that brought it on (a Job's run): the revision is cleared as the trigger, beside it.
      const cleared = mechanism.datesChange ? 'is not the trigger' : 'is not the cause';
      const exonerated = `revision ${newest.revision} (${formatAgo(rolledOut, now)}) ${cleared}: ${mechanism.outsideWorkload}`;
      return withJobsBefore(ev, onset, { kind: 'none', text: exonerated, exonerated }, mechanism);
    }
    // Ready pods that worked cleanly long after the rollout and only then began to fail: something else changed.
    // Unless the fault was set when the process started and only waited for input that meets it.
    const late = mechanism?.latent === undefined ? describeLateLogErrors(ev, pods, newest) : undefined;
    if (late !== undefined) {
      const exonerated = `revision ${newest.revision} (${formatAgo(rolledOut, now)}) is not the cause: ${late}`;
      return withJobsBefore(ev, onset, { kind: 'none', text: exonerated, exonerated }, mechanism);
    }
    // Does the change explain all of it? Not when the same revision runs fine elsewhere.
    const shared = d.shared.find((s) => s.attribute === 'revision' && s.values.includes(`revision ${newest.revision}`));
    const other = d.separating.find((s) => s.attribute !== 'revision' && s.attribute !== 'image');
    // One healthy pod is too little to clear a revision (it may not have met the fault yet).
    // Nor is a pod that logs the very error the mechanism quotes: it has met the fault, and is ready between bouts.
    const healthyHere = d.healthy.filter((p) => p.revisionHash === newest.hash && !logsDecisive(ev, p.name, mechanism?.decisive)).length;
    // A revision that changed the very setting that fails (a pool size against an exhausted pool) is not cleared by pods
    // that pass at the moment: such a failure comes and goes with each pod's load.
    const touchesMechanism = previous !== undefined && (pickMechanismSetting(mechanism?.id, diffRevisions(previous, newest)) ?? pickRemovedLimit(mechanism?.title, diffRevisions(previous, newest))) !== undefined;
    if (shared && other && healthyHere >= 2 && !touchesMechanism) {
      const where = other.attribute === 'node' || other.attribute === 'zone' || other.attribute === 'node pool' || other.attribute === 'architecture' ? ` on ${other.attribute === 'node' ? 'other nodes' : `${other.attribute} ${other.healthy.join(', ')}`}` : '';
      const exonerated = `revision ${newest.revision} runs fine on ${healthyHere} other pod${healthyHere === 1 ? '' : 's'}${where}: not the rollout`;
      return { kind: 'none', text: exonerated, exonerated };
    }
    if (object !== undefined && (mechanism?.kind === 'network-policy' || mechanism?.kind === 'pod-create-failed')) {
      return { kind: 'object-change', object, text: describeObjectChange(object, now, mechanism), at: changeTime(object) ?? now };
    }
    if (previous === undefined && newest.revision > 1) {
      return { kind: 'first-install', revision: newest, historyGone: true, text: `revision ${newest.revision} (${formatAgo(rolledOut, now)}, the only revision kept): nothing earlier to compare with or roll back to`, at: rolledOut };
    }
    if (previous === undefined || newest.revision === 1) {
      return { kind: 'first-install', revision: newest, text: `first install (revision ${newest.revision}, ${formatAgo(rolledOut, now)}): nothing earlier to compare with or roll back to`, at: rolledOut };
    }
    const diff = diffRevisions(previous, newest);
    // A revision that changed nothing (a `kubectl rollout restart`) only re-read what the pods take
    // at start: a ConfigMap they read that changed just before it is the change.
    // Errors no analyzer explains yet: the restart still changed nothing but what the pods read at start.
    // Only one these pods read (or that the mechanism says holds its limit) can a restart of theirs have picked up.
    // A revision that only stamped a restart marker (a reloader's hash env, a checksum) is such a restart too.
    const reloaded = rollback === undefined ? findRestartMarker(previous, newest) : undefined;
    const sameTemplate = diff.length === 0 || reloaded !== undefined;
    const reread = object?.kind === 'ConfigMap' && (isConfigMapReadByPods(pods, object.name) || (mechanism?.affected?.configMaps ?? []).includes(object.name)) ? object : mechanism?.kind === 'unexplained' && sameTemplate ? findReadConfigMapChange(ev, onset, pods) : undefined;
    // A marker that names another object than the one changed stamps that other's change.
    const stamps = reloaded?.object === undefined || reread === undefined || (reloaded.object.kind === reread.kind && (reloaded.object.name ?? reread.name) === reread.name);
    const restarted = reread !== undefined && sameTemplate && stamps && msBetween(changeTime(reread) ?? now, rolledOut) >= 0 ? reread : undefined;
    if (restarted !== undefined) {
      // The rollout's time only when it differs from the change's (a reloader rolls at once).
      const when = formatAgo(rolledOut, now);
      const only = diff.length > 0 && reloaded !== undefined ? `only ${describeMarker(reloaded)} changed` : '';
      const said = only !== '' && when === formatAgo(changeTime(restarted) ?? now, now) ? only : [only, when].filter(Boolean).join(', ');
      return { kind: 'object-change', object: restarted, text: `${describeObjectChange(restarted, now, mechanism)} and picked up by revision ${newest.revision}, a restart of the same template (${said})`, at: changeTime(restarted) ?? now, restartOf: newest };
    }
    // A revision that changed only the other containers restarted the failing one as it was: it read the edited ConfigMap at its start.
    const failing = readFailingContainer(mechanism);
    const leftAlone = object?.kind === 'ConfigMap' && failing !== undefined && leavesContainerAlone(diff, newest, failing) && readsConfigMap(pods, failing, object.name) && msBetween(changeTime(object) ?? now, rolledOut) >= 0 ? object : undefined;
    if (leftAlone !== undefined && failing !== undefined) {
      return { kind: 'object-change', object: leftAlone, text: `${describeObjectChange(leftAlone, now, mechanism)} and picked up by revision ${newest.revision} (${formatAgo(rolledOut, now)}), which left container ${failing} as it was and only restarted it`, at: changeTime(leftAlone) ?? now, restartOf: newest, leftAlone: failing };
    }
    // A revision that only stamped a restart marker (a reloader's, a checksum) re-read what the pods mount: that object's content changed.
    // A time stamp (restartedAt, rollme) changes at any restart: with no edited object found, it says nothing changed but the pods.
    if (reloaded !== undefined && reloaded.content === undefined) {
      return { kind: 'revision', revision: newest, previous, diff, text: `revision ${newest.revision}, ${describeRestartOnly(reloaded, formatAgo(rolledOut, now))}`, at: newest.createdAt, reloaded };
    }
    if (reloaded !== undefined) {
      return { kind: 'revision', revision: newest, previous, diff, text: `${describeMarkedObject(reloaded)} changed and ${reloaded.object === undefined ? 'were' : 'was'} picked up by revision ${newest.revision}, a restart of the same template (only ${describeMarker(reloaded)} changed, ${formatAgo(rolledOut, now)})`, at: newest.createdAt, reloaded };
    }
    // A Service's ports are not in the pod template: a revision that left the containers' ports alone did not move them.
    if (object?.kind === 'Service' && !diff.some((l) => / ports:/.test(l))) {
      return { kind: 'object-change', object, text: describeObjectChange(object, now, mechanism), at: changeTime(object) ?? now };
    }
    const untouched = describeUntouched(mechanism, diff, previous.template !== undefined && newest.template !== undefined);
    if (untouched !== undefined) {
      const exonerated = `revision ${newest.revision} (${formatAgo(rolledOut, now)}) is not the cause: ${untouched}`;
      return { kind: 'none', text: exonerated, exonerated };
    }
    const change = pickChange(mechanism, diff, previous, newest);
    if (rollback !== undefined) return { kind: 'revision', revision: newest, previous, diff, ...(change ? { change } : {}), text: describeRollbackRevision(rollback, rolledOut, change, now), at: rolledOut, rollback };
    return { kind: 'revision', revision: newest, previous, diff, ...(change ? { change } : {}), text: describeRevision(newest, change, now), at: newest.createdAt };
  }
  if (object !== undefined) return { kind: 'object-change', object, text: describeObjectChange(object, now, mechanism), at: changeTime(object) ?? now };
  // A mechanism whose title dates its own change (a claim restored, a node crashed) needs no new ordinal as its "since".
  // A scale-up the mechanism dates as what exposed it is the since; scaling back would not undo it.
  const exposing = mechanism?.exposedByScaleUp;
  if (exposing !== undefined) {
    const found = findScaleUp(ev, exposing.at);
    const text = found?.text ?? `the workload was scaled up from ${exposing.from} to ${exposing.to} ${formatAgo(exposing.at, now)}`;
    return { kind: 'scale-up', text, at: found?.at ?? exposing.at };
  }
  const scaleUp = isScaleSensitive(mechanism) ? findScaleUp(ev, onset) : mechanism?.datesChange ? undefined : findNewOrdinalsFailing(ev, pods, onset);
  if (scaleUp !== undefined) return { kind: 'scale-up', ...scaleUp };
  // The workload did not grow, but another client of the same capped dependency did.
  const cotenant = isScaleSensitive(mechanism) ? findCotenantScaleUp(ev, onset) : undefined;
  if (cotenant !== undefined) return { kind: 'scale-up', text: cotenant.text, at: cotenant.at, ...(cotenant.from !== undefined ? { back: cotenant.from } : {}), workload: cotenant.deployment };

  const newestAge = newest && rolledOut ? `; the newest revision, ${newest.revision}, ${rollback?.at !== undefined ? `came back by a rollback ${formatAgo(rolledOut, now)}` : `is ${formatSpan(msBetween(rolledOut, now))} old`}` : '';
  const unread = ev.readFailures.some((f) => f.source === 'revisions' && f.reason !== 'skipped');
  if (unread) return { kind: 'none', text: 'changes unknown: the rollout history could not be read' };
  const none = { kind: 'none' as const, text: `no change found in the ${formatSpan(TRIGGER_WINDOW_MS)} before it began${newestAge}` };
  // A mechanism that dates its own change has its trigger: a Job that ran just before is no lead then.
  return mechanism?.datesChange ? none : withJobsBefore(ev, onset, none, mechanism);
}

/**
 * A failure that recurs every few hours began long before the onset the window is measured from can
 * see: when every pod of the workload is of the newest revision (no older pod to show the failure too),
 * the revision is less than a day old and each failing pod has restarted again and again since the
 * rollout made it, the revision is its "since", however many hours back.
 */
function recursSinceRevision(ev: TriageEvidence, mechanism: Finding | undefined, pods: readonly PodEvidence[], newest: RevisionEvidence | undefined, previous: RevisionEvidence | undefined, rolledOut: IsoTime, onset: IsoTime | undefined, rollback: Rollback | undefined): boolean {
  if (newest === undefined || previous === undefined || rollback !== undefined || onset === undefined) return false;
  if (mechanism === undefined || mechanism.outsideWorkload !== undefined || mechanism.datesChange) return false;
  const age = msBetween(rolledOut, ev.collectedAt);
  if (msBetween(rolledOut, onset) <= TRIGGER_WINDOW_MS || age > HISTORY_MS) return false;
  if (pods.length === 0 || !ev.pods.every((p) => p.revisionHash === newest.hash)) return false;
  return pods.every((p) => recursSinceRollout(ev, p, rolledOut));
}

/** Nothing of the workload changed at the onset: a Job of the namespace that ran just before is the change to check. */
function withJobsBefore(ev: TriageEvidence, onset: IsoTime | undefined, t: Extract<Trigger, { kind: 'none' }>, mechanism?: Finding): Extract<Trigger, { kind: 'none' }> {
  // A Job the mechanism already names (a failed migration Job) is its cause, not a change still to check.
  const named = (j: NamespaceJobEvidence): boolean => mechanism?.title.includes(`Job ${j.name}`) === true;
  const jobs = findJobsBeforeOnset(ev.namespaceJobs, onset, ev.target.kind === 'CronJob' ? ev.target.name : undefined).filter((j) => !named(j));
  const text = describeJobsBeforeOnset(jobs, onset, ev.collectedAt, ev.cronJobSchedules, ev.namespaceJobs, listWorkloadConfigRefs(ev));
  const names = new Set(ev.pods.map((p) => p.name));
  const errors = listErrorLines(ev.logs.filter((l) => !l.previous && names.has(l.pod)).flatMap((l) => l.lines));
  if (text === undefined) {
    // The store says what the pods read is gone and no Job ran: another client of the store rolled out just before.
    const other = onset === undefined ? undefined : findDataObjectRollout(ev, onset, [...names], errors);
    if (other === undefined) return t;
    return { ...t, text: t.text.replace(/^no change found/, 'no change of the workload found'), ranBefore: { jobs: [], text: other.text, advice: other.advice, gone: other.gone, rolledOut: other.rollout.deployment } };
  }
  // The store says what the pods read is gone, and the Job ran just before: it deleted it.
  const gone = findMissingDataObject(errors);
  const [first] = jobs;
  if (gone !== undefined && first !== undefined && onset !== undefined) {
    return { ...t, text: t.text.replace(/^no change found/, 'no change of the workload found'), ranBefore: { jobs, text: describeJobDeleted(first, onset, ev.collectedAt), advice: adviseDeletedData(first, gone), gone } };
  }
  const advice = adviseScheduledJobs(jobs, ev.cronJobSchedules);
  return { ...t, text: t.text.replace(/^no change found/, 'no change of the workload found'), ranBefore: { jobs, text, ...(advice ? { advice } : {}) } };
}

/** The change of the maximum of the HPA a mechanism says is at its maximum (hpa/<name>/at-max). */
function findMechanismHpaChange(ev: TriageEvidence, mechanism: Finding | undefined): ReturnType<typeof findHpaMaxChange> {
  const name = mechanism?.kind === 'hpa' ? /^hpa\/(.+)\/at-max$/.exec(mechanism.id)?.[1] : undefined;
  const hpa = name === undefined ? undefined : ev.hpas.find((h) => h.name === name);
  return hpa === undefined ? undefined : findHpaMaxChange(ev, hpa);
}

/** Who set the memory limit an OOM-killed container dies at, or the ephemeral-storage limit pods are evicted at, when admission did. */
function findMechanismOrigin(ev: TriageEvidence, mechanism: Finding | undefined, pods: readonly PodEvidence[]): ResourceOrigin | undefined {
  if (mechanism?.id === 'eviction/limit') {
    const evicted = new Set(mechanism.affected?.pods ?? []);
    return findStorageLimitOrigin(ev, ev.pods.filter((p) => evicted.has(p.name)))?.origin;
  }
  if (mechanism?.kind !== 'oom-killed') return undefined;
  return findResourceOrigin(ev, pods, mechanism.id.replace(/^oom-killed\//, ''), 'memory limit', /^Init container/.test(mechanism.title));
}

/** Whether rolling back is the safe mitigation: the failing pods are the new revision's, and nothing else explains them. */
export function rollbackFits(trigger: Trigger, d: Differential): trigger is Extract<Trigger, { kind: 'revision' }> {
  if (trigger.kind !== 'revision' || trigger.reloaded !== undefined) return false;
  const failingRevisions = unique(d.failing.map((p) => p.revisionHash ?? '?'));
  return failingRevisions.every((h) => h === trigger.revision.hash || h === '?');
}

/**
 * When the verdict clears the newest revision, its rollout finding says so instead of offering
 * the rollback it would offer alone: one story in the whole report. The same when the revision
 * brought on a fault that passes by itself (a slow pull): it stays the trigger, without a rollback.
 */
export function acquitRollout(findings: readonly Finding[], trigger: Trigger, mechanism?: Finding): Finding[] {
  const passes = mechanism?.passesBy;
  if (trigger.kind === 'revision' && passes !== undefined) {
    return findings.map((f) => (f.kind !== 'recent-rollout' ? f : { ...f, nextAction: `No rollback needed: it lasts until ${passes}; act on the mechanism the verdict names.`, fix: 'wait, as the mechanism says' }));
  }
  // The revision stays the trigger, but going back is no way out: the mechanism says why.
  const refused = mechanism?.noRollback;
  if (trigger.kind === 'revision' && refused !== undefined) {
    return findings.map((f) => (f.kind !== 'recent-rollout' ? f : { ...f, severity: 'info', nextAction: `${capitalize(refused)}. Act on the mechanism the verdict names.`, fix: 'act on the mechanism, not the rollout' }));
  }
  // A restart stamped by time, with no edited object found: when the pods started anew, not what brought the fault.
  if (trigger.kind === 'revision' && trigger.reloaded !== undefined && trigger.reloaded.content === undefined) {
    const n = trigger.revision.revision;
    const restart = describeRestartOnly(trigger.reloaded);
    return findings.map((f) =>
      f.kind !== 'recent-rollout'
        ? f
        : {
            ...f,
            title: `Revision ${n} is ${restart}`,
            severity: 'info',
            confidence: 'low',
            likelyCause: `Revision ${n} changed nothing the pods run with but a restart stamp, and no Secret or ConfigMap they read was found edited: the restart is when new pods started, not what brought the fault on.`,
            nextAction: 'A rollback would not help: it runs the same template. Act on the mechanism the verdict names.',
            fix: 'act on the mechanism, not the rollout',
          },
    );
  }
  // A revision that only stamped a restart marker: its pods re-read a changed object, as any revision's would.
  if (trigger.kind === 'revision' && trigger.reloaded !== undefined) {
    const what = describeMarkedObject(trigger.reloaded);
    const n = trigger.revision.revision;
    return findings.map((f) =>
      f.kind !== 'recent-rollout'
        ? f
        : {
            ...f,
            title: `Revision ${n} is a restart of the same template (only ${trigger.reloaded === undefined ? 'its restart annotation' : describeMarker(trigger.reloaded)} changed): it made new pods read ${what} as changed`,
            severity: 'info',
            likelyCause: `Revision ${n} changed nothing the pods run with but a restart marker; its new pods read ${what} as it is now, while pods started earlier keep what they read at their start.`,
            nextAction: `Fix ${what} (or what reads it) as the verdict says; a rollback would not help: any new pod reads the same content.`,
            fix: `fix ${what}, not the rollout`,
          },
    );
  }
  // A restart of the same template only made new pods read the changed object: going back to the
  // revision before starts pods that read the same object.
  const restart = trigger.kind === 'object-change' ? trigger.restartOf : undefined;
  if (trigger.kind === 'object-change' && restart !== undefined) {
    const { kind, name } = trigger.object;
    return findings.map((f) =>
      f.kind !== 'recent-rollout'
        ? f
        : {
            ...f,
            title: trigger.leftAlone !== undefined ? `Revision ${restart.revision} left container ${trigger.leftAlone} as it was: it only made new pods read ${kind} ${name} as changed` : `Revision ${restart.revision} is a restart of the same template: it made new pods read ${kind} ${name} as changed`,
            severity: 'info',
            likelyCause: `Revision ${restart.revision} changed nothing ${trigger.leftAlone !== undefined ? `of container ${trigger.leftAlone}` : 'in the pod template'}; its new pods read ${kind} ${name} as changed just before, while pods started earlier keep what they read at their start.`,
            nextAction: `Fix ${kind} ${name} as the verdict says; a rollback would not help: any new pod reads the same ${kind}.`,
            fix: `fix ${kind} ${name}, not the rollout`,
          },
    );
  }
  // Admission set the resources the pods fail with as the rollout re-created them: the pods of the
  // revision before would be re-created by the same admission, with the same values.
  if (trigger.kind === 'resources-set') {
    const { by, name, what } = trigger.origin;
    const setter = `${by}${name !== undefined ? ` ${name}` : ''}`;
    return findings.map((f) =>
      f.kind !== 'recent-rollout'
        ? f
        : {
            ...f,
            title: `${f.title.replace(/ rolled out .*$/, '')} only re-created the pods: ${setter} set their ${what} at admission, not the rollout`,
            severity: 'info',
            confidence: 'low',
            likelyCause: `The rollout came just before the failures, but the ${what} the pods fail at is not in the template: ${setter} set it on every pod created since it applies, whichever revision.`,
            nextAction: `A rollback would not help: pods of any revision are admitted under ${setter}. Act on the mechanism the verdict names.`,
            fix: 'act on the mechanism, not the rollout',
          },
    );
  }
  // The object outside the workload that the mechanism names changed: going back to the revision before keeps it as it is.
  const outside = trigger.kind === 'object-change' ? mechanism?.outsideWorkload : undefined;
  const why = trigger.kind === 'none' ? trigger.exonerated : trigger.kind === 'node' ? trigger.clears : outside;
  if (why === undefined) return [...findings];
  // A title that still says the rollout came "before the failures" would read as blame.
  const title = (f: Finding): string => (/not the rollout|not the cause/.test(f.title) ? f.title : capitalize(why));
  return findings.map((f) =>
    f.kind !== 'recent-rollout'
      ? f
      : { ...f, title: title(f), severity: 'info', confidence: 'low', likelyCause: `The rollout came just before the failures, but ${why}.`, nextAction: 'A rollback would not help: act on the mechanism the verdict names.', fix: 'act on the mechanism, not the rollout' },
  );
}
