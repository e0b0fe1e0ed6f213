/**
 * The trigger: what changed shortly before the failure began — a revision (with what it changed),
 * an object of the namespace (a NetworkPolicy, a quota, a ConfigMap the pods read), a node going
 * bad — or that nothing did. A change is the "since" of a verdict, never its "what", and a
 * recent rollout is not blamed when the evidence exonerates it.
 */
import type { IsoTime, NamespaceJobEvidence, NamespaceObjectEvidence, PodEvidence, RevisionEvidence, TriageEvidence } from '../evidence.js';
import { clipMiddle } from '../collapse-events.js';
import { findOnset } from '../failure-onset.js';
import { describeLateLogErrors } from '../late-log-errors.js';
import { describeJobsBeforeOnset, findJobsBeforeOnset } from '../jobs-before-onset.js';
import type { Finding } from '../finding.js';
import { unique } from '../pod-status.js';
import { diffRevisions, shortenImageChange, sortRevisions, summarizeChange } from '../revision-diff.js';
import { pickSecurityChange } from '../security-refusal.js';
import { MISSING_KEY } from '../mount-messages.js';
import { pickMechanismSetting } from '../mechanism-settings.js';
import { pickSettingsFileChange } from '../config-volume-change.js';
import { matchesLabels } from '../service-match.js';
import { describeOriginChange, findResourceOrigin, type ResourceOrigin } from '../resource-origin.js';
import { HOUR_MS, earliest, formatAgo, formatSpan, msBetween } from '../time-span.js';
import type { Differential } from './differential.js';
import { capitalize } from '../../text.js';
import { TRIGGER_SKEW_MS, TRIGGER_WINDOW_MS } from '../trigger-window.js';
import { findRollback, rolloutTimeOf, type Rollback } from '../revision-rollback.js';
import { findOrdinalScaleUp } from '../ordinal-scale-up.js';


export type Trigger =
  /** `rollback`: the revision is an old ReplicaSet a rollout undo brought back; `previous` is what it replaced. */
  | { kind: 'revision'; revision: RevisionEvidence; previous: RevisionEvidence; diff: string[]; change?: string; text: string; at: IsoTime; rollback?: Rollback }
  | { kind: 'first-install'; revision: RevisionEvidence; text: string; at: IsoTime }
  | { kind: 'object-change'; object: NamespaceObjectEvidence; text: string; at: IsoTime }
  /** `clears`: the newest revision runs Ready on other nodes, so it is not to roll back. */
  | { kind: 'node'; node: string; text: string; at?: IsoTime; clears?: string }
  | { kind: 'scale-up'; text: string; at: IsoTime }
  /** Admission (a LimitRange's default, a VPA) set the resources the pods fail with when they were re-created. */
  | { kind: 'resources-set'; origin: ResourceOrigin; text: string; at?: IsoTime }
  /** Nothing of the workload changed (or the evidence clears its rollout); `ranBefore` names Jobs of the namespace that ran just before the onset, a change to check. */
  | { kind: 'none'; text: string; exonerated?: string; ranBefore?: { jobs: NamespaceJobEvidence[]; text: string } };

function inWindow(change: IsoTime | undefined, onset: IsoTime | undefined): boolean {
  if (change === undefined || onset === undefined) return false;
  const gap = msBetween(change, onset);
  return gap >= -TRIGGER_SKEW_MS && gap <= TRIGGER_WINDOW_MS;
}

/** The diff line that touches what fails, else the headline change of the revision. */
function pickChange(mechanism: Finding | undefined, diff: readonly string[], older: RevisionEvidence, newer: RevisionEvidence): string | undefined {
  const k = mechanism?.kind;
  const text = `${mechanism?.title ?? ''} ${mechanism?.decisive ?? ''}`.toLowerCase();
  const related = (line: string): boolean => {
    const l = line.toLowerCase();
    if (k === 'liveness-kill' || k === 'liveness-dependency') return / (liveness|startup) probe/.test(l);
    if (k === 'readiness-probe') return / readiness probe/.test(l);
    if (k === 'lifecycle-hook') return / (poststart|prestop) hook/.test(l);
    if (k === 'prestop-overrun') return / prestop hook|^terminationgraceperiodseconds/.test(l);
    // A load balancer's health check follows the app's health endpoint: a moved probe path is the lead.
    if (k === 'readiness-gate') return / (readiness|liveness) probe|ports?:/.test(l);
    if (k === 'image-pull') return / image:|imagepullsecrets/.test(l);
    if (k === 'container-config') return /env|envfrom|volumes|configmap|secret/.test(l);
    // Pods addressed to a scheduler that never answers: the line that named it is the lead.
    if (k === 'placement' && /schedulername/.test(text)) return l.startsWith('schedulername');
    if (k === 'placement') return /nodeselector|affinity|tolerations|nodename/.test(l);
    if (k === 'cpu-starved') return / cpu (limit|request):/.test(l);
    // The heap flag (in an options variable or the args) or the memory limit it is sized against.
    if (k === 'heap-pressure') return /memory limit|env .*(java|heap|xmx)|(args|command):.*xmx/.test(l);
    // A memory-backed emptyDir is charged to the memory limit: adding one is as good as lowering it.
    if (k === 'oom-killed') return /memory limit|env .*(java|node_options|xmx|gogc|gomemlimit)|medium memory/.test(l);
    if (k === 'pod-create-failed') return /serviceaccount|securitycontext|resources|request|pod label|priorityclass/.test(l);
    if (k === 'failed-scheduling') return / (cpu|memory|[\w./-]+) request:|nodeselector|affinity|tolerations/.test(l);
    if (k === 'exit-code' || k === 'crash-loop' || k === 'clean-exit') {
      if (text.includes('(init)') || /init container/.test(text)) return l.startsWith('init ');
      // Refused credentials (IRSA, workload identity, RBAC): the identity the pod runs as, or the
      // audience of the token it presents, is the lead.
      if (/accessdenied|assumerole|credentials|unauthori[sz]ed|forbidden|\b40[13]\b|permission denied/.test(text)) return /serviceaccount|token audience/.test(l);
      // A port held by another container of the pod: that container's arrival (or its ports) is the lead.
      const holder = /held by container ([\w-]+)/.exec(text)?.[1];
      if (holder !== undefined) return l.startsWith(`container ${holder} `) || l.startsWith(`${holder} ports`);
      // A memory quantity the mechanism blames (a unit slip no process fits in): the line that wrote it.
      const memory = /\bmemory (request and limit|limit|request)\b/.exec(text)?.[1];
      const wrote = memory === undefined ? undefined : new RegExp(` memory ${memory.includes('limit') ? 'limit' : 'request'}:`);
      if (wrote !== undefined && diff.some((x) => wrote.test(x))) return wrote.test(l);
      // A path the failure names (shared memory lives at /dev/shm) that the revision stopped or started mounting.
      const paths = [...text.matchAll(/(?:^|[\s"'(])(\/[\w.-]+(?:\/[\w.-]+)+)/g)].map((m) => m[1] ?? '').concat(/shared memory|\bshm\b/.test(text) ? ['/dev/shm'] : []);
      const mounted = (x: string) => / volume mounts/.test(x) && paths.some((p) => x.includes(`→${p}`));
      if (diff.some(mounted)) return mounted(l);
      return / (command|args|image):/.test(l) || / env /.test(l);
    }
    // A host name from a changed env var, or pinned in the pods' /etc/hosts by hostAliases.
    // The pods' DNS policy (or the host network it follows) when the mechanism blames it.
    if (k === 'dependency-error' && /dnspolicy/.test(text) && diff.some((x) => /^(dnspolicy|dnsconfig|hostnetwork)/i.test(x))) return /^(dnspolicy|dnsconfig|hostnetwork)/.test(l);
    if (k === 'dependency-error') return / env /.test(l) || (/hostaliases/.test(text) && l.startsWith('hostaliases'));
    // A process without a UTF-8 locale: an env line that set or dropped LANG/LC_ALL is the lead over an image bump.
    if (k === 'unexplained' && /utf-8 locale/.test(text)) return / env (added |removed )?(lang|lc_all|lc_ctype)\b/.test(l);
    if (k === 'idle-command') return / (command|args):/.test(l);
    // The entry the revision appended under a name it already set: the change that decides the value.
    if (k === 'duplicate-env') return new RegExp(` env ${/ lists (\S+) (?:twice|\d+ times)/.exec(mechanism?.title ?? '')?.[1] ?? '\\S+'} (added a second time|listed)`).test(line);
    // The proxy variables the revision set (or the NO_PROXY it cut short) decide where calls go.
    if (k === 'proxy-env') return / env .*\b(https?|all|no)_proxy\b/.test(l);
    if (k === 'init-stuck') return l.startsWith('init ');
    // The migration step a revision dropped (an init container, a migrate command) is the lead over its image bump.
    if (k === 'schema-migration') return /migrat|flyway|liquibase|alembic/.test(l);
    if (k === 'volume-attach') return /securitycontext|volume|fsgroup/.test(l);
    // The revision that started mounting the claim that stays Pending is the lead over an image bump beside it.
    if (k === 'pvc-pending') {
      const claim = /^PVC (\S+) /.exec(mechanism?.title ?? '')?.[1];
      const [was, now] = line.startsWith('volumes: ') ? line.split(' → ') : [];
      return claim !== undefined && now !== undefined && now.includes(`:pvc/${claim}"`) && !(was ?? '').includes(`:pvc/${claim}"`);
    }
    return false;
  };
  // A security setting the mechanism blames (a seccomp profile, dropped capabilities) is the lead.
  const security = pickSecurityChange(text, diff);
  if (security !== undefined) return security;
  // A container the revision added, failing: its arrival is the change, not an image bump beside it.
  const failing = /\b(?:sidecar container|container|sidecar) ([\w.-]+)/i.exec(mechanism?.title ?? '')?.[1];
  const added = failing === undefined ? undefined : diff.find((l) => l.startsWith(`container ${failing} added`) || l.startsWith(`init container ${failing} added`));
  if (added !== undefined) return added;
  // The diff line that names an env var the mechanism names is the lead over an image bump of the same revision.
  const names = `${mechanism?.title ?? ''} ${mechanism?.decisive ?? ''}`.match(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g) ?? [];
  // A failing sidecar: its own change is the lead over the main container's image bump listed first.
  const own = failing !== undefined && /^sidecar/i.test(mechanism?.title ?? '') ? diff.find((l) => related(l) && l.startsWith(`${failing} `)) : undefined;
  // A setting named after what fails (a pool size against an exhausted pool, a timeout against timeouts) is the lead.
  const setting = pickMechanismSetting(mechanism?.id, diff);
  // A limit the server reads from a mounted file (php-fpm's pool): a new ConfigMap behind that volume is the lead.
  const file = setting === undefined ? pickSettingsFileChange(mechanism?.id, older, newer) : undefined;
  if (file !== undefined) return file;
  const line = setting ?? diff.find((l) => related(l) && names.some((n) => new RegExp(`\\b${n}\\b`).test(l))) ?? own ?? diff.find(related);
  // "X_PASSWORD = from secret …" reads as a credential to the redactor: the reference goes in parentheses.
  if (line === undefined) return summarizeChange(older, newer);
  // The values of a duplicated name are the mechanism's title: the change says only what the revision did.
  if (k === 'duplicate-env') return line.replace(/, and the last entry wins: .*$/, '');
  return shortenImageChange(line.replace(/ env added ([\w.-]+) = (from (?:secret|configMap) .*)$/, ' env added $1 ($2)'));
}

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
      return k === 'pod-create-failed';
    case 'ConfigMap': {
      const used = pods.some((p) => (p.volumes ?? []).some((v) => v.source === 'configMap' && v.ref === o.name) || p.containers.some((c) => (c.envFrom ?? []).some((e) => e.kind === 'configMap' && e.name === o.name) || (c.env ?? []).some((e) => 'ref' in e && e.ref.kind === 'configMap' && e.ref.name === o.name)));
      // A readiness probe failed by its own tight settings (in the pod template) owes nothing to a ConfigMap.
      const probeSettings = k === 'readiness-probe' && mechanism?.id.endsWith('/hair-trigger') === true;
      return used && !probeSettings && (k === 'exit-code' || k === 'crash-loop' || k === 'readiness-probe' || k === 'liveness-kill' || k === 'container-config' || k === 'dependency-error');
    }
    case 'Service':
      // A dependency reached through this Service (an ExternalName's target, its traffic policy), or
      // the variables the kubelet injects for it (service links) that a crashing app reads: its change is the lead.
      // Topology-aware routing turned on for the Service: its change is when the zone's pods began to take their callers' load.
      return k === 'service-selector' || k === 'service-target-port' || k === 'service-endpoints' || ((k === 'dependency-error' || k === 'exit-code' || k === 'topology-routing') && (mechanism?.affected?.services ?? []).includes(o.name));
  }
}

function changeTime(o: NamespaceObjectEvidence): IsoTime | undefined {
  return o.changedAt ?? o.createdAt;
}

function describeObjectChange(o: NamespaceObjectEvidence, now: IsoTime): string {
  const at = changeTime(o) ?? now;
  const how = o.changedAt !== undefined && o.changedAt !== o.createdAt ? 'was changed' : 'was created';
  return `${o.kind} ${o.name} ${how} ${formatAgo(at, now)}`;
}

/** Mechanisms that more replicas bring on: a limit the replicas share (database slots, quota, room on the nodes). */
function isScaleSensitive(mechanism: Finding | undefined): boolean {
  return mechanism?.id === 'resource-exhaustion/database-connections' || mechanism?.kind === 'failed-scheduling' || mechanism?.kind === 'pod-create-failed';
}

const SCALED_UP = /Scaled up replica set (\S+?)(?: from (\d+))? to (\d+)(?: from (\d+))?/;

/**
 * A scale-up of an existing revision just before the onset (not a rollout's new ReplicaSet):
 * by the HPA ("New size: 12; reason: …") or by hand. Says from how many to how many, and the
 * HPA's targets, since a wrong target is a usual cause.
 */
function findScaleUp(ev: TriageEvidence, onset: IsoTime | undefined): Extract<Trigger, { kind: 'scale-up' }> | undefined {
  const now = ev.collectedAt;
  const ups = ev.events.flatMap((e) => {
    const m = e.reason === 'ScalingReplicaSet' ? SCALED_UP.exec(e.message) : null;
    if (!m || !inWindow(e.lastSeen, onset)) return [];
    const revision = ev.revisions.find((r) => r.name === m[1]);
    // The new ReplicaSet of a rollout scales up too: that is the revision's story, not this one.
    if (revision === undefined || inWindow(revision.createdAt, onset)) return [];
    const from = m[2] ?? m[4];
    return [{ at: e.lastSeen, to: Number(m[3]), ...(from !== undefined ? { from: Number(from) } : {}) }];
  });
  const rescales = ev.events.filter((e) => e.reason === 'SuccessfulRescale' && e.object.kind === 'HorizontalPodAutoscaler' && inWindow(e.lastSeen, onset));
  const up = ups.sort((a, b) => msBetween(b.at, a.at))[0];
  const hpaEvent = rescales.sort((a, b) => msBetween(b.lastSeen, a.lastSeen))[0];
  if (up === undefined && hpaEvent === undefined) return undefined;
  const at = up?.at ?? hpaEvent?.lastSeen ?? now;
  const size = up ? `${up.from !== undefined ? `from ${up.from} ` : ''}to ${up.to}` : `to ${/New size: (\d+)/.exec(hpaEvent?.message ?? '')?.[1] ?? '?'}`;
  if (hpaEvent === undefined) return { kind: 'scale-up', text: `the workload was scaled up ${size} ${formatAgo(at, now)} (not by a rollout)`, at };
  const hpa = ev.hpas.find((h) => h.name === hpaEvent.object.name);
  const targets = hpa ? hpa.metrics.map((m) => `${m.name} ${m.current ?? '?'} vs target ${m.target ?? '?'}`).join(', ') : '';
  return { kind: 'scale-up', text: `HPA ${hpaEvent.object.name} scaled it up ${size} ${formatAgo(at, now)}${targets ? ` (${targets})` : ''}`, at };
}

/**
 * Only the ordinals a StatefulSet scale-up added fail, the older ones run: the new pods met
 * something the old ones never did (a fresh node, a claim found and reused), so the scale-up is
 * the "since", whatever the mechanism.
 */
function findNewOrdinalsFailing(ev: TriageEvidence, pods: readonly PodEvidence[], onset: IsoTime | undefined): Extract<Trigger, { kind: 'scale-up' }> | undefined {
  const s = findOrdinalScaleUp(ev.workload, ev.pods, ev.events, ev.collectedAt);
  if (s === undefined || pods.length === 0 || !inWindow(s.at, onset)) return undefined;
  const added = new Set(s.added.map((p) => p.name));
  if (!pods.every((p) => added.has(p.name))) return undefined;
  const names = pods.map((p) => p.name);
  const newOnes = names.length <= 2 ? ` (${names.join(' and ')} ${names.length === 1 ? 'is' : 'are'} new)` : '';
  return { kind: 'scale-up', text: `${ev.target.kind.toLowerCase()} ${ev.target.name} was scaled up from ${s.from} to ${s.to}${s.by ? ` by ${s.by}` : ''} ${formatAgo(s.at, ev.collectedAt)}${newOnes}`, at: s.at };
}

/**
 * Mechanisms a revision can only cause by changing one part of the template: when its diff does
 * not touch that part, the old revision's pods would fail the same way and the rollout only made
 * new pods meet a fault that lies outside the workload. Says why, or undefined when it may be the cause.
 */
function describeUntouched(mechanism: Finding | undefined, diff: readonly string[], templated: boolean): string | undefined {
  if (mechanism === undefined) return undefined;
  const said = `${mechanism.id} ${mechanism.title} ${mechanism.decisive ?? ''}`;
  // Pods addressed to a scheduler that never answers: a revision that kept its name met a scheduler that stopped.
  const scheduler = /^placement\/scheduler\/(.+)$/.exec(mechanism.id)?.[1];
  if (scheduler !== undefined && templated) {
    return diff.some((l) => l.startsWith('schedulerName')) ? undefined : `it did not change schedulerName: the ${scheduler} scheduler stopped answering outside the workload, and pods of any revision wait the same way`;
  }
  if (mechanism.kind === 'init-stuck') {
    const name = mechanism.id.replace(/^init-stuck\//, '');
    return diff.some((l) => l.startsWith('init ')) ? undefined : `it did not change init container ${name}, which waits for something outside the workload`;
  }
  // Pod Security checks the pod spec's security settings, volumes and host ports, never the image.
  if (mechanism.kind === 'pod-create-failed' && /pod-?security/i.test(said)) {
    return diff.some((l) => /securitycontext|\bvolumes?\b| ports\b|hostnetwork|hostpid|hostipc|hostpath|capabilit/i.test(l)) ? undefined : 'it did not change what Pod Security checks (securityContext, volumes, ports): the previous revision\'s pods would be refused the same way';
  }
  // The kubelet checks the keys a volume's items name against the object as it is now: a revision
  // that left the volume alone met a Secret or ConfigMap changed outside the workload.
  const key = MISSING_KEY.exec(said);
  const volume = /^volume-attach\/[\w-]+\/(.+)$/.exec(mechanism.id)?.[1];
  if (mechanism.kind === 'volume-attach' && key !== null && volume !== undefined) {
    return diff.some((l) => l.startsWith('volumes') || l.includes(`${volume}→`)) ? undefined : `it did not change volume ${volume}: the ${key[1]?.toLowerCase() === 'secret' ? 'Secret' : 'ConfigMap'} lost key ${key[2] ?? ''} outside the workload, and pods of any revision are refused the same way`;
  }
  // The kubelet cuts a preStop hook at the grace period whatever image runs: only a revision that set the hook or the grace period brought it.
  if (mechanism.kind === 'prestop-overrun') {
    return diff.some((l) => / preStop hook|^terminationGracePeriodSeconds/.test(l)) ? undefined : 'it did not change the preStop hook or terminationGracePeriodSeconds: pods of the revision before it are cut short the same way';
  }
  if (mechanism.kind === 'failed-scheduling' && /free ports/i.test(said)) {
    return diff.some((l) => / ports/.test(l)) ? undefined : 'it did not change the pods\' ports: another pod on the node holds the host port';
  }
  return undefined;
}

/** A changed command or env line can run long; the thread has the whole diff. */
const CHANGE_MAX = 160;

/** "revision 14 (18m ago, app image 4.2.0 → 4.3.0)". */
function describeRevision(r: RevisionEvidence, change: string | undefined, now: IsoTime): string {
  return `revision ${r.revision} (${formatAgo(r.createdAt, now)}${change ? `: ${clipMiddle(change, CHANGE_MAX)}` : ''})`;
}

/** "revision 17 (a rollback to revision 12, 22m ago: app image 2.7.1 → 2.3.0, a release 41d old)". */
function describeRollback(r: Rollback, at: IsoTime, change: string | undefined, now: IsoTime): string {
  const to = r.to !== undefined ? ` to revision ${r.to}` : '';
  return `revision ${r.revision.revision} (a rollback${to}, ${formatAgo(at, now)}${change ? `: ${clipMiddle(change, CHANGE_MAX)}` : ''}, a release ${formatSpan(msBetween(r.revision.createdAt, now))} old)`;
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
    const fine = latest === undefined || !inWindow(rolloutTimeOf(ev, latest), at) ? 0 : ev.pods.filter((p) => p.ready && p.nodeName !== undefined && p.nodeName !== node && p.revisionHash === latest.hash).length;
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
  const objects = (ev.namespaceObjects ?? []).filter((o) => inWindow(changeTime(o), onset) && isRelevant(ev, o, mechanism, pods));
  const object = objects.sort((a, b) => msBetween(changeTime(a) ?? now, changeTime(b) ?? now))[0];

  // The limit the pods die at was set by admission as they were re-created: no revision shows that
  // change, and it outweighs a revision that left the limit alone.
  const origin = findMechanismOrigin(ev, mechanism, pods);
  if (origin !== undefined && inWindow(origin.appliedAt, onset)) {
    const recent = newest !== undefined && previous !== undefined && inWindow(rolledOut, onset);
    if (!recent || !diffRevisions(previous, newest).some((l) => l.includes(origin.what))) {
      return { kind: 'resources-set', origin, text: describeOriginChange(origin, now, ev.target.namespace), ...(origin.appliedAt ? { at: origin.appliedAt } : {}) };
    }
  }

  const hashed = pods.length > 0 && pods.every((p) => p.revisionHash !== undefined);
  const onNewest = newest !== undefined && (!hashed || pods.some((p) => p.revisionHash === newest.hash));
  if (newest !== undefined && rolledOut !== undefined && onNewest && inWindow(rolledOut, onset)) {
    if (mechanism?.outsideWorkload !== undefined) {
      const exonerated = `revision ${newest.revision} (${formatAgo(rolledOut, now)}) is not the cause: ${mechanism.outsideWorkload}`;
      return withJobsBefore(ev, onset, { kind: 'none', text: exonerated, exonerated });
    }
    // Ready pods that worked cleanly long after the rollout and only then began to fail: something else changed.
    // Unless the fault was set when the process started and only waited for input that meets it.
    const late = mechanism?.latent === undefined ? describeLateLogErrors(ev, pods, newest) : undefined;
    if (late !== undefined) {
      const exonerated = `revision ${newest.revision} (${formatAgo(rolledOut, now)}) is not the cause: ${late}`;
      return withJobsBefore(ev, onset, { kind: 'none', text: exonerated, exonerated });
    }
    // Does the change explain all of it? Not when the same revision runs fine elsewhere.
    const shared = d.shared.find((s) => s.attribute === 'revision' && s.values.includes(`revision ${newest.revision}`));
    const other = d.separating.find((s) => s.attribute !== 'revision' && s.attribute !== 'image');
    // One healthy pod is too little to clear a revision (it may not have met the fault yet).
    // Nor is a pod that logs the very error the mechanism quotes: it has met the fault, and is ready between bouts.
    const healthyHere = d.healthy.filter((p) => p.revisionHash === newest.hash && !logsDecisive(ev, p.name, mechanism?.decisive)).length;
    if (shared && other && healthyHere >= 2) {
      const where = other.attribute === 'node' || other.attribute === 'zone' || other.attribute === 'node pool' || other.attribute === 'architecture' ? ` on ${other.attribute === 'node' ? 'other nodes' : `${other.attribute} ${other.healthy.join(', ')}`}` : '';
      const exonerated = `revision ${newest.revision} runs fine on ${healthyHere} other pod${healthyHere === 1 ? '' : 's'}${where}: not the rollout`;
      return { kind: 'none', text: exonerated, exonerated };
    }
    if (object !== undefined && (mechanism?.kind === 'network-policy' || mechanism?.kind === 'pod-create-failed')) {
      return { kind: 'object-change', object, text: describeObjectChange(object, now), at: changeTime(object) ?? now };
    }
    if (previous === undefined || newest.revision === 1) {
      return { kind: 'first-install', revision: newest, text: `first install (revision ${newest.revision}, ${formatAgo(rolledOut, now)}): nothing earlier to compare with or roll back to`, at: rolledOut };
    }
    const diff = diffRevisions(previous, newest);
    // A Service's ports are not in the pod template: a revision that left the containers' ports alone did not move them.
    if (object?.kind === 'Service' && !diff.some((l) => / ports:/.test(l))) {
      return { kind: 'object-change', object, text: describeObjectChange(object, now), at: changeTime(object) ?? now };
    }
    const untouched = describeUntouched(mechanism, diff, previous.template !== undefined && newest.template !== undefined);
    if (untouched !== undefined) {
      const exonerated = `revision ${newest.revision} (${formatAgo(rolledOut, now)}) is not the cause: ${untouched}`;
      return { kind: 'none', text: exonerated, exonerated };
    }
    const change = pickChange(mechanism, diff, previous, newest);
    if (rollback !== undefined) return { kind: 'revision', revision: newest, previous, diff, ...(change ? { change } : {}), text: describeRollback(rollback, rolledOut, change, now), at: rolledOut, rollback };
    return { kind: 'revision', revision: newest, previous, diff, ...(change ? { change } : {}), text: describeRevision(newest, change, now), at: newest.createdAt };
  }
  if (object !== undefined) return { kind: 'object-change', object, text: describeObjectChange(object, now), at: changeTime(object) ?? now };
  const scaleUp = isScaleSensitive(mechanism) ? findScaleUp(ev, onset) : findNewOrdinalsFailing(ev, pods, onset);
  if (scaleUp !== undefined) return scaleUp;

  const newestAge = newest && rolledOut ? `; the newest revision, ${newest.revision}, ${rollback?.at !== undefined ? `came back by a rollback ${formatAgo(rolledOut, now)}` : `is ${formatSpan(msBetween(rolledOut, now))} old`}` : '';
  const unread = ev.readFailures.some((f) => f.source === 'revisions' && f.reason !== 'skipped');
  if (unread) return { kind: 'none', text: 'changes unknown: the rollout history could not be read' };
  return withJobsBefore(ev, onset, { kind: 'none', text: `no change found in the ${formatSpan(TRIGGER_WINDOW_MS)} before it began${newestAge}` });
}

/** Nothing of the workload changed at the onset: a Job of the namespace that ran just before is the change to check. */
function withJobsBefore(ev: TriageEvidence, onset: IsoTime | undefined, t: Extract<Trigger, { kind: 'none' }>): Extract<Trigger, { kind: 'none' }> {
  const jobs = findJobsBeforeOnset(ev.namespaceJobs, onset, ev.target.kind === 'CronJob' ? ev.target.name : undefined);
  const text = describeJobsBeforeOnset(jobs, onset, ev.collectedAt);
  if (text === undefined) return t;
  return { ...t, text: t.text.replace(/^no change found/, 'no change of the workload found'), ranBefore: { jobs, text } };
}

/** Who set the memory limit an OOM-killed container dies at, when admission did. */
function findMechanismOrigin(ev: TriageEvidence, mechanism: Finding | undefined, pods: readonly PodEvidence[]): ResourceOrigin | undefined {
  if (mechanism?.kind !== 'oom-killed') return undefined;
  return findResourceOrigin(ev, pods, mechanism.id.replace(/^oom-killed\//, ''), 'memory limit', /^Init container/.test(mechanism.title));
}

/** Whether rolling back is the safe mitigation: the failing pods are the new revision's, and nothing else explains them. */
export function rollbackFits(trigger: Trigger, d: Differential): trigger is Extract<Trigger, { kind: 'revision' }> {
  if (trigger.kind !== 'revision') return false;
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
  const why = trigger.kind === 'none' ? trigger.exonerated : trigger.kind === 'node' ? trigger.clears : undefined;
  if (why === undefined) return [...findings];
  // A title that still says the rollout came "before the failures" would read as blame.
  const title = (f: Finding): string => (/not the rollout|not the cause/.test(f.title) ? f.title : capitalize(why));
  return findings.map((f) =>
    f.kind !== 'recent-rollout'
      ? f
      : { ...f, title: title(f), severity: 'info', confidence: 'low', likelyCause: `The rollout came just before the failures, but ${why}.`, nextAction: 'A rollback would not help: act on the mechanism the verdict names.', fix: 'act on the mechanism, not the rollout' },
  );
}
