/**
 * Following the lead one hop: Warning events of the namespace about objects the triage does not
 * otherwise read, when those objects bear on the workload — the Certificate that should create the
 * Secret its pods mount, the ScaledObject that scales it, the ExternalSecret behind its credentials,
 * the Ingress in front of it. One list of the namespace's Warning events is read
 * (read-namespace-warnings.ts); an object is related when its name is one the pods' spec refers to
 * (a Secret, ConfigMap, claim, service account, pull secret), one of the workload's Services or
 * HPAs, or the workload's own name with a prefix or suffix, or when its message names the
 * workload. A finding that already names such an object gets its events as the step upstream;
 * the others are reported on their own, quoted (nothing silent).
 */
import { listOwnServiceNames } from './called-service.js';
import { collapseEvents, formatEventLine } from './collapse-events.js';
import { explainControllerFailure } from './controller-failures.js';
import { explainDeclinedOptimization } from './declined-optimization.js';
import type { EventEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import { CHANGE_KINDS, type Finding } from './finding.js';
import { explainFailingScaler } from './keda-trigger.js';
import { formatKubectl } from './kubectl-command.js';
import { RECENT_MS } from './pod-status.js';
import { isWithin, msBetween } from './time-span.js';
import { truncate } from '../text.js';

export interface RelatedWarning {
  object: { kind: string; name: string };
  /** Why it bears on the workload: "the Secret of volume tls", "named after the workload". */
  relation: string;
  /** Its current Warning events, newest first. */
  events: EventEvidence[];
}

/** A Job controller's Warning that the Job gave up: a consequence of whatever failed its pods. */
const GAVE_UP = /^(?:BackoffLimitExceeded|DeadlineExceeded)$/;
/** Objects followed at most: the namespace may hold many Warnings; the workload's few are the point. */
const MAX_OBJECTS = 3;
/** Kinds whose events the triage reads on their own (pods, its ReplicaSets and revisions, nodes). */
const READ_ELSEWHERE = new Set(['Pod', 'Node', 'ReplicaSet', 'ControllerRevision']);

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const asToken = (name: string): RegExp => new RegExp(`(?<![\\w.-])${escape(name)}(?![\\w-])`);

/** The names the workload's pods and template refer to, with what each is to them. */
function referencedNames(ev: TriageEvidence): Map<string, string> {
  const refs = new Map<string, string>();
  const add = (name: string | undefined, what: string) => {
    if (name !== undefined && name !== '' && !refs.has(name)) refs.set(name, what);
  };
  const templates = ev.revisions.flatMap((r) => (r.template ? [r.template] : []));
  const specs: Pick<PodEvidence, 'volumes' | 'serviceAccountName' | 'imagePullSecrets'>[] = [...ev.pods, ...templates];
  for (const s of specs) {
    for (const v of s.volumes ?? []) {
      if (v.source === 'secret') add(v.ref, `the Secret of its volume ${v.name}`);
      else if (v.source === 'configMap') add(v.ref, `the ConfigMap of its volume ${v.name}`);
      else if (v.source === 'pvc') add(v.ref, `the claim of its volume ${v.name}`);
    }
    add(s.serviceAccountName, 'its service account');
    for (const p of s.imagePullSecrets ?? []) add(p, 'its image pull secret');
  }
  const containers = [...ev.pods.flatMap((p) => p.containers), ...(ev.workload?.templateContainers ?? [])];
  for (const c of containers) {
    for (const f of c.envFrom ?? []) add(f.name, `the ${f.kind === 'secret' ? 'Secret' : 'ConfigMap'} its env comes from`);
    for (const e of c.env ?? []) if ('ref' in e && (e.ref.kind === 'secret' || e.ref.kind === 'configMap')) add(e.ref.name, `the ${e.ref.kind === 'secret' ? 'Secret' : 'ConfigMap'} of its env ${e.name}`);
  }
  for (const s of listOwnServiceNames(ev.services, ev.pods)) add(s, 'its Service');
  for (const h of ev.hpas) add(h.name, 'its HPA');
  return refs;
}

function relationOf(ev: TriageEvidence, e: EventEvidence, refs: ReadonlyMap<string, string>): string | undefined {
  const own = ev.target.name;
  const name = e.object.name;
  // The workload's own name first: its Service, HPA and ScaledObject often all carry it.
  if (name === own) return 'named after the workload';
  const byName = refs.get(name);
  if (byName !== undefined) return byName;
  // A short common name ("api", "web") is part of too many others' names and messages to tell.
  const distinctive = own.length >= 6 || own.includes('-');
  if (distinctive && (name.startsWith(`${own}-`) || name.endsWith(`-${own}`) || name.includes(`-${own}-`))) return 'named after the workload';
  if (distinctive && asToken(own).test(e.message)) return 'its message names the workload';
  return undefined;
}

/** The namespace's current Warnings about objects related to the workload and not read otherwise, grouped by object. */
export function findRelatedWarnings(ev: TriageEvidence): RelatedWarning[] {
  const warnings = ev.namespaceWarnings ?? [];
  if (warnings.length === 0) return [];
  const seen = new Set(ev.events.map((e) => `${e.object.kind}/${e.object.name}/${e.reason}/${e.firstSeen}`));
  const own = ev.workload ? `${ev.workload.kind}/${ev.workload.name}` : undefined;
  const refs = referencedNames(ev);
  const byObject = new Map<string, RelatedWarning>();
  for (const e of warnings) {
    const key = `${e.object.kind}/${e.object.name}`;
    if (READ_ELSEWHERE.has(e.object.kind) || key === own || seen.has(`${key}/${e.reason}/${e.firstSeen}`)) continue;
    if (!isWithin(e.lastSeen, ev.collectedAt, RECENT_MS)) continue;
    const relation = relationOf(ev, e, refs);
    if (relation === undefined) continue;
    const found = byObject.get(key) ?? { object: { kind: e.object.kind, name: e.object.name }, relation, events: [] };
    found.events.push(e);
    byObject.set(key, found);
  }
  const newest = (r: RelatedWarning) => r.events.reduce((t, e) => (msBetween(t, e.lastSeen) > 0 ? e.lastSeen : t), r.events[0]?.lastSeen ?? ev.collectedAt);
  return [...byObject.values()]
    .map((r) => ({ ...r, events: [...r.events].sort((a, b) => msBetween(a.lastSeen, b.lastSeen)) }))
    .sort((a, b) => msBetween(newest(a), newest(b)))
    .slice(0, MAX_OBJECTS);
}

/**
 * A controller's error chains its contexts with ": ", the root cause last ("…will be retried: Failed
 * to create Order: 429 …rateLimited: too many certificates…"): too long, it keeps the last links whole.
 */
export function clipErrorChain(message: string, max: number): string {
  if (message.length <= max) return message;
  // A trailing pointer to the docs ("see https://…") is no cause.
  const links = message.split(': ').filter((l, i, all) => i < all.length - 1 || !/^(see )?https?:\/\/\S+$/i.test(l.trim()));
  let kept = links.pop() ?? '';
  while (links.length > 0 && kept.length + (links.at(-1)?.length ?? 0) + 3 <= max) kept = `${links.pop() ?? ''}: ${kept}`;
  return kept.length + 1 > max ? truncate(kept, max) : `…${kept}`;
}

/** "Certificate billing-tls reports Failed: "…"": the object's newest Warning in a line. */
function describeWarning(r: RelatedWarning, max = 220): { line: string; message: string; reason: string; reporter?: string } {
  const e = r.events[0] as EventEvidence;
  const message = e.message.replace(/\s+/g, ' ').trim();
  const line = `${r.object.kind} ${r.object.name} reports ${e.reason}: "${clipErrorChain(message, max)}"`;
  // The component that wrote the event is the controller whose log tells the rest.
  return { line, message, reason: e.reason, ...(e.source !== undefined ? { reporter: e.source } : {}) };
}

function quotes(f: Finding, text: string): boolean {
  const head = text.slice(0, 60);
  return [f.title, f.decisive ?? '', ...f.evidence].some((l) => l.includes(head));
}

function names(f: Finding, name: string): boolean {
  const re = asToken(name);
  return [f.title, f.decisive ?? '', f.likelyCause, ...f.evidence].some((l) => re.test(l));
}

/** The finding to carry the step upstream: a mechanism before a change (a rollout only stands in), one that names the object in its title or decisive line first. */
function pickNaming(findings: readonly Finding[], name: string): number {
  const re = asToken(name);
  const candidates = findings.map((f, i) => ({ f, i })).filter(({ f }) => f.kind !== 'unexplained' && names(f, name));
  const score = (f: Finding) => (CHANGE_KINDS.has(f.kind) ? 2 : 0) + (re.test(f.title) || re.test(f.decisive ?? '') ? 0 : 1);
  return candidates.sort((a, b) => score(a.f) - score(b.f) || a.i - b.i)[0]?.i ?? -1;
}

/**
 * The related Warnings joined to the findings: a finding that names the object (a Secret not
 * found, named like the Certificate that should create it) gets the object's Warning as the step
 * upstream, in its title, evidence and cause; an object no finding names becomes a finding of its own.
 */
export function linkRelatedWarnings(ev: TriageEvidence, findings: readonly Finding[]): { findings: Finding[]; related: Finding[] } {
  const out = [...findings];
  const related: Finding[] = [];
  for (const r of findRelatedWarnings(ev)) {
    const w = describeWarning(r);
    if (out.some((f) => quotes(f, w.message))) continue;
    const lines = collapseEvents(r.events).slice(0, 2).map((c) => formatEventLine(c, { withObject: true, maxLength: 400 }));
    const at = pickNaming(out, r.object.name);
    const link = at < 0 ? undefined : out[at];
    // A failing KEDA scaler: what it can no longer read, from the HPA KEDA made.
    const scaler = r.object.kind === 'ScaledObject' ? explainFailingScaler(ev) : undefined;
    // An optimization the controller declined (topology hints left off) is a note, never a failure.
    const declined = explainDeclinedOptimization(r.object.kind, r.object.name, w.reason);
    if (declined !== undefined) {
      related.push({
        id: `unexplained/related/${r.object.kind}/${r.object.name}`,
        kind: 'unexplained',
        title: `${w.line} (an optimization left off, not a failure)`,
        layer: 'network/routing',
        severity: 'info',
        confidence: 'medium',
        evidence: [`${r.object.kind} ${r.object.name}: ${r.relation}`, ...lines],
        decisive: w.message,
        likelyCause: declined,
        nextAction: 'Nothing to fix for the service; add endpoints per zone only if zone-local routing matters.',
        confirmCommands: [formatKubectl(ev.target, `describe ${r.object.kind.toLowerCase()} ${r.object.name}`)],
      });
      continue;
    }
    const known = explainControllerFailure(r.object.kind, r.object.name, w.message);
    const by = w.reporter !== undefined ? ` (reported by ${w.reporter})` : '';
    const reporterLines = w.reporter !== undefined ? [`${r.object.kind} ${r.object.name}: its events come from ${w.reporter}; that controller's log says more`] : [];
    // A Job the finding names as part of its cause, giving up (BackoffLimitExceeded): the finding says why; its Warning is evidence only.
    if (link !== undefined && r.object.kind === 'Job' && GAVE_UP.test(w.reason) && link.affected?.jobs?.includes(r.object.name)) {
      out[at] = { ...link, evidence: [...link.evidence, ...lines] };
      continue;
    }
    if (link !== undefined) {
      out[at] = {
        ...link,
        title: `${link.title}; ${describeWarning(r, 160).line}`,
        evidence: [...link.evidence, ...lines, ...reporterLines, ...(scaler ? [scaler] : [])],
        likelyCause: `${link.likelyCause} Upstream of it, ${r.object.kind} ${r.object.name} (${r.relation}) reports ${w.reason}${by}: "${truncate(w.message, 400)}".${known ? ` ${known.cause}` : ''}${scaler ? ` ${scaler}` : ''}`,
        ...(link.fix !== undefined ? { fix: `${link.fix}; ${known?.fix ?? `first see why ${r.object.kind} ${r.object.name} fails (${w.reason}${w.reporter !== undefined ? `, in the log of ${w.reporter}` : ''})`}` } : {}),
        confirmCommands: [...link.confirmCommands, formatKubectl(ev.target, `describe ${r.object.kind.toLowerCase()} ${r.object.name}`)],
      };
      continue;
    }
    related.push({
      id: `unexplained/related/${r.object.kind}/${r.object.name}`,
      kind: 'unexplained',
      title: w.line,
      layer: 'rollout/change',
      severity: 'warning',
      confidence: 'medium',
      evidence: [`${r.object.kind} ${r.object.name}: ${r.relation}`, ...lines, ...reporterLines, ...(scaler ? [scaler] : [])],
      decisive: w.message,
      likelyCause: `${r.object.kind} ${r.object.name} is ${r.relation}, and it reports ${w.reason}${by} now; ${known ? known.cause : 'no analyzer of this bot knows this event, so its message is quoted as the cluster gave it.'}`,
      nextAction: known ? `${known.fix.charAt(0).toUpperCase()}${known.fix.slice(1)}.` : `Describe ${r.object.kind} ${r.object.name} and read the log of ${w.reporter ?? 'its controller'}: the message names what fails.`,
      ...(known ? { fix: known.fix } : {}),
      confirmCommands: [formatKubectl(ev.target, `describe ${r.object.kind.toLowerCase()} ${r.object.name}`)],
    });
  }
  return { findings: out, related };
}
