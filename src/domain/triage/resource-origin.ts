/**
 * Who set a container's resources when the pod runs with other ones than its template says.
 * Admission rewrites them as each pod is created: LimitRanger fills in a LimitRange's defaults
 * for what the template leaves unset, the VPA's admission controller puts in its recommendation,
 * a mutating policy (Kyverno, Gatekeeper) adds its default or overrides the template's. No revision records either, and either takes effect only when pods are (re-)created — a node
 * rotation, an eviction — so the object behind it may be days older than the failure.
 */
import { findKyvernoPatch, listGatekeeperAssigns } from './admission-policy-notes.js';
import type { ContainerSpecEvidence } from './evidence-pod.js';
import type { IsoTime, NamespaceObjectEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import { unique } from './pod-status.js';
import { earliest, formatAgo } from './time-span.js';

export interface ResourceOrigin {
  by: 'LimitRange' | 'VPA' | 'Kyverno' | 'Gatekeeper';
  /** The VPA's, policy's or mutator's name, or the LimitRange's when the namespace has one (several are joined). */
  name?: string;
  /** Kyverno only: the policy's rule and the patch it applied ("added /spec/containers/0/resources/limits"). */
  rule?: string;
  patch?: string;
  /** The LimitRange, when the namespace has exactly one: its creation or change dates it. */
  object?: NamespaceObjectEvidence;
  /** "memory limit", "cpu request". */
  what: string;
  /** What the pods run with. */
  value: string;
  /** What the template says; undefined when it sets none (always, for LimitRanger) or is unknown. */
  template?: string;
  pods: string[];
  /** When admission set it: the earliest creation of those pods. */
  appliedAt?: IsoTime;
  /** EvictedByVPA events: the updater evicted pods so that admission could resize their replacements. */
  evictions: number;
}

/** "LimitRanger plugin set: cpu, memory request for container app; memory limit for init container migrate". */
function setByLimitRanger(note: string, container: string, init: boolean, what: string): boolean {
  const [resource, field] = what.split(' ');
  return note.replace(/^.*?plugin set:\s*/, '').split(';').some((part) => {
    const m = /^\s*(.+?) (request|limit) for (init container|container) (\S+)\s*$/.exec(part);
    return m !== null && m[2] === field && m[4] === container && (m[3] === 'init container') === init && (m[1] ?? '').split(/,\s*/).includes(resource ?? '');
  });
}

/** "Pod resources updated by orders-vpa: container 0: memory request, memory limit": the VPA's name when it set `what` on container `index`. */
function setByVpa(note: string, index: number, what: string): string | undefined {
  const m = /^Pod resources updated by ([^:]+):\s*(.*)$/.exec(note);
  if (m === null) return undefined;
  const touched = (m[2] ?? '').split(';').some((part) => {
    const c = /^\s*container (\d+):\s*(.*)$/.exec(part);
    return c !== null && Number(c[1]) === index && (c[2] ?? '').split(/,\s*/).map((x) => x.trim()).includes(what);
  });
  return touched ? m[1]?.trim() : undefined;
}

/** The container as the pod's template declares it; undefined when the evidence does not carry it. */
function templateContainer(ev: TriageEvidence, pod: PodEvidence, container: string, init: boolean): Pick<ContainerSpecEvidence, 'resources'> | undefined {
  const revision = ev.revisions.find((r) => r.hash !== undefined && r.hash === pod.revisionHash);
  const spec = init ? revision?.template?.initContainers.find((c) => c.name === container) : revision?.containers.find((c) => c.name === container);
  return spec ?? (revision === undefined ? ev.workload?.templateContainers.find((c) => c.name === container) : undefined);
}

function templateValue(ev: TriageEvidence, pod: PodEvidence, container: string, init: boolean, what: string): string | undefined {
  const [resource, field] = what.split(' ');
  return templateContainer(ev, pod, container, init)?.resources[field === 'limit' ? 'limits' : 'requests'][resource ?? ''];
}

/**
 * Whether admission set `what` ("memory limit") of `container` on `pods`, by their annotations,
 * and to what instead of the template's value. Undefined when the template set it itself.
 */
export function findResourceOrigin(ev: TriageEvidence, pods: readonly PodEvidence[], container: string, what: string, init = false): ResourceOrigin | undefined {
  const [resource, field] = what.split(' ');
  const hits: { pod: PodEvidence; by: ResourceOrigin['by']; name?: string; rule?: string; patch?: string; value: string }[] = [];
  for (const pod of pods) {
    const list = init ? pod.initContainers : pod.containers;
    const index = list.findIndex((c) => c.name === container);
    const value = list[index]?.resources[field === 'limit' ? 'limits' : 'requests'][resource ?? ''];
    const notes = pod.resourceAnnotations;
    if (value === undefined || notes === undefined) continue;
    const vpa = !init && notes.vpaUpdates ? setByVpa(notes.vpaUpdates, index, what) : undefined;
    const kyverno = notes.kyvernoPatches ? findKyvernoPatch(notes.kyvernoPatches, index, init, what) : undefined;
    // Gatekeeper does not say what its mutators set: only a value the known template lacks is theirs.
    const assigns = notes.gatekeeperMutations ? listGatekeeperAssigns(notes.gatekeeperMutations) : [];
    const spec = assigns.length > 0 ? templateContainer(ev, pod, container, init) : undefined;
    const differs = spec !== undefined && spec.resources[field === 'limit' ? 'limits' : 'requests'][resource ?? ''] !== value;
    if (vpa !== undefined) hits.push({ pod, by: 'VPA', name: vpa, value });
    else if (notes.limitRanger && setByLimitRanger(notes.limitRanger, container, init, what)) hits.push({ pod, by: 'LimitRange', value });
    else if (kyverno !== undefined) hits.push({ pod, by: 'Kyverno', name: kyverno.policy, rule: kyverno.rule, patch: kyverno.patch, value });
    else if (differs) hits.push({ pod, by: 'Gatekeeper', name: assigns.join(', '), value });
  }
  const first = hits[0];
  if (first === undefined) return undefined;
  const template = templateValue(ev, first.pod, container, init, what);
  // The VPA may recommend what the template already says: then nothing was changed.
  if (template === first.value) return undefined;
  const names = first.by !== 'LimitRange' ? [first.name ?? ''] : (ev.namespaceObjects ?? []).filter((o) => o.kind === 'LimitRange').map((o) => o.name);
  const object = first.by === 'LimitRange' && names.length === 1 ? (ev.namespaceObjects ?? []).find((o) => o.kind === 'LimitRange') : undefined;
  const mine = hits.filter((h) => h.by === first.by);
  const podNames = unique(mine.map((h) => h.pod.name));
  const evictions = ev.events.filter((e) => e.reason === 'EvictedByVPA').length;
  const appliedAt = earliest(mine.flatMap((h) => (h.pod.createdAt ? [h.pod.createdAt] : [])));
  return {
    by: first.by,
    ...(names.length > 0 ? { name: names.join(', ') } : {}),
    ...(first.rule !== undefined ? { rule: first.rule } : {}),
    ...(first.patch !== undefined ? { patch: first.patch } : {}),
    ...(object ? { object } : {}),
    what,
    value: first.value,
    ...(template !== undefined ? { template } : {}),
    pods: podNames,
    ...(appliedAt ? { appliedAt } : {}),
    evictions: first.by === 'VPA' ? evictions : 0,
  };
}

/**
 * The ephemeral-storage limit a pod is evicted at is the sum of its containers' limits: the first
 * container whose limit admission set, with that container's name. Undefined when the template set them.
 */
export function findStorageLimitOrigin(ev: TriageEvidence, pods: readonly PodEvidence[]): { origin: ResourceOrigin; container: string } | undefined {
  const names = unique(pods.flatMap((p) => p.containers.map((c) => c.name)));
  for (const container of names) {
    const origin = findResourceOrigin(ev, pods, container, 'ephemeral-storage limit');
    if (origin !== undefined) return { origin, container };
  }
  return undefined;
}

function who(o: ResourceOrigin, ns?: string): string {
  if (o.by === 'VPA') return `VPA ${o.name ?? ''}`.trim();
  if (o.by === 'Kyverno') return `Kyverno policy ${o.name ?? ''}`.trim();
  if (o.by === 'Gatekeeper') return `Gatekeeper mutator${(o.name ?? '').includes(',') ? 's' : ''} ${o.name ?? ''}`.trim();
  return o.name ? `LimitRange ${o.name}` : `a LimitRange of ${ns ?? 'the namespace'}`;
}

/** "the default of LimitRange container-defaults (the template sets none)", "set by VPA orders-vpa in place of the template's 2Gi". */
export function describeOrigin(o: ResourceOrigin, ns?: string): string {
  if (o.by === 'LimitRange') return `the default of ${who(o, ns)} (the template sets none)`;
  if (o.by !== 'VPA') return o.template !== undefined ? `set at admission by ${who(o)} in place of the template's ${o.template}` : `added at admission by ${who(o)} (the template sets none)`;
  return `set by ${who(o, ns)} ${o.template !== undefined ? `in place of the template's ${o.template}` : '(the template sets none)'}`;
}

/** The evidence line: what the pods run with, what the template says, who set it and by which annotation. */
export function describeOriginEvidence(o: ResourceOrigin, container: string): string {
  const note = o.by === 'VPA' ? 'annotation vpaUpdates' : o.by === 'Kyverno' ? `annotation policies.kyverno.io/last-applied-patches: ${o.patch ?? ''}`
    : o.by === 'Gatekeeper' ? 'annotation gatekeeper.sh/mutations' : 'annotation kubernetes.io/limit-ranger';
  const rule = o.rule !== undefined ? `, rule ${o.rule}` : '';
  const evicted = o.evictions > 0 ? `; ${o.evictions} EvictedByVPA event${o.evictions === 1 ? '' : 's'}` : '';
  return `${container} ${o.what} ${o.value} on ${o.pods.length} pod${o.pods.length === 1 ? '' : 's'}, template ${o.template ?? 'none'}: set at admission by ${who(o)}${rule} (${note})${evicted}`;
}

/** Why: admission set the value, and it applies to every pod created since. */
export function explainOrigin(o: ResourceOrigin, ns?: string): string {
  if (o.by === 'LimitRange') {
    return `The template sets no ${o.what}, so the LimitRanger admission plugin gave each pod ${who(o, ns)}'s default, ${o.value}, when it was created: pods created before the LimitRange ran without it, and every pod re-created since (a rollout, a node rotation, an eviction) has it.`;
  }
  if (o.by !== 'VPA') {
    const rule = o.rule !== undefined ? ` (rule ${o.rule})` : '';
    const did = o.template !== undefined ? `replaced the template's ${o.what} ${o.template} with ${o.value}` : `added a ${o.what} of ${o.value}, which the template does not set,`;
    return `The mutating webhook of ${who(o)}${rule} ${did} to each pod as admission created it: no revision shows it, pods created before the policy kept what they had, and every pod admitted since has it, whatever re-created it (a rollout, a drain, a node replacement).`;
  }
  return `${who(o)} rewrote the pods' ${o.what} to ${o.value}${o.template !== undefined ? ` (the template says ${o.template})` : ''} as they were created: its updater evicts pods whose resources differ from its recommendation, and its admission controller resizes their replacements. A recommendation learnt from a quiet period is too small for the busy one.`;
}

/** The fix at the source: the template or the LimitRange, or the VPA's bounds. */
export function fixOrigin(o: ResourceOrigin, container: string, ns?: string): string {
  const [resource] = o.what.split(' ');
  if (o.by === 'LimitRange') return `set an explicit ${o.what} for ${container} in the template (a LimitRange default applies only where none is set), or change the default of ${who(o, ns)}`;
  if (o.by !== 'VPA') {
    const policy = `exclude ${ns !== undefined ? `namespace ${ns}` : 'the namespace'} from ${who(o)}`;
    return o.template !== undefined ? `${policy}, or change it to keep the template's ${o.template}` : `set an explicit ${o.what} for ${container} in the template (a policy adding a default leaves a set one alone), or ${policy} or raise its default`;
  }
  const floor = o.template !== undefined ? ` at the template's ${o.template}` : '';
  return `set a minAllowed ${resource ?? ''} for ${container} in ${who(o)}${floor} (or its updateMode to Off/Initial) and re-create the pods`;
}

/** The trigger's text: when admission set it, and the object behind it. */
export function describeOriginChange(o: ResourceOrigin, now: IsoTime, ns?: string): string {
  const when = o.appliedAt ? ` ${formatAgo(o.appliedAt, now)}` : '';
  if (o.by === 'VPA') return `${who(o)} ${o.evictions > 0 ? 'evicted the pods and resized their replacements' : 'resized the pods as they were created'}${when}`;
  if (o.by !== 'LimitRange') return `the pods were re-created${when} through ${who(o)}`;
  const at = o.object ? o.object.changedAt ?? o.object.createdAt : undefined;
  const dated = o.object && at ? ` (${o.object.changedAt !== undefined && o.object.changedAt !== o.object.createdAt ? 'changed' : 'created'} ${formatAgo(at, now)})` : '';
  return `the pods were re-created${when} under ${who(o, ns)}${dated}`;
}
