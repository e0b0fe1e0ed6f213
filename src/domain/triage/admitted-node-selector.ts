/**
 * A nodeSelector the pod carries and its template does not: admission wrote it when the pod was
 * created. The usual writer is PodNodeSelector, which merges the namespace's
 * `scheduler.alpha.kubernetes.io/node-selector` annotation into every pod created there (a
 * mutating webhook or policy, or a RuntimeClass's scheduling, can do the same). Nobody sees it in
 * the manifests, so when the nodes' labels move (a node group replaced under a new naming) the
 * pods ask for a label no schedulable node carries, and uncordoning the retired nodes or editing
 * the template does not help: the annotation must follow the nodes, and since admission writes
 * the selector only into new pods, the waiting pods must be recreated.
 */
import type { NamespaceObjectEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import { listFirst } from '../text.js';

export interface AdmittedSelector {
  /** The pod's nodeSelector entries its template does not set (or sets to another value). */
  entries: [string, string][];
  /** The namespace's annotation that holds them all; absent when it does not (or was not read). */
  source?: { namespace: string; annotation: string; value: string };
  /** Whether the Namespace object was read at all: without it, the source is unknown, not absent. */
  namespaceRead: boolean;
}

/** `k=v,k2=v2` as the PodNodeSelector annotation writes it (labels.Parse, equality only). */
export function parseSelectorAnnotation(value: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of value.split(',')) {
    const m = /^\s*([^=!\s]+)\s*==?\s*([^=\s]*)\s*$/.exec(part);
    if (m?.[1] !== undefined) out[m[1]] = m[2] ?? '';
  }
  return out;
}

/** The nodeSelector of the template that made this pod; undefined when that template is not known. */
function templateSelectorOf(ev: TriageEvidence, pod: PodEvidence): Record<string, string> | undefined {
  const own = pod.revisionHash === undefined ? undefined : ev.revisions.find((r) => r.hash === pod.revisionHash)?.template;
  if (own) return own.placement.nodeSelector;
  // Without the pod's own revision, the current template stands for it only when no other revision exists.
  return ev.revisions.length <= 1 ? ev.workload?.templatePlacement?.nodeSelector : undefined;
}

/** The namespace's own object, as read. */
function namespaceOf(ev: TriageEvidence): NamespaceObjectEvidence | undefined {
  return (ev.namespaceObjects ?? []).find((o) => o.kind === 'Namespace' && o.name === ev.target.namespace);
}

/**
 * What of the pod's nodeSelector admission added, and from where; undefined when the template
 * sets all of it (or the template is not known).
 */
export function findAdmittedSelector(ev: TriageEvidence, pod: PodEvidence): AdmittedSelector | undefined {
  const selector = pod.placement?.nodeSelector ?? {};
  const template = templateSelectorOf(ev, pod);
  if (template === undefined) return undefined;
  const entries = Object.entries(selector).filter(([k, v]) => template[k] !== v);
  if (entries.length === 0) return undefined;
  const ns = namespaceOf(ev);
  const annotation = ns?.defaultNodeSelector;
  const parsed = annotation === undefined ? {} : parseSelectorAnnotation(annotation.value);
  const fromNamespace = annotation !== undefined && entries.every(([k, v]) => parsed[k] === v);
  return {
    entries,
    namespaceRead: ns !== undefined,
    ...(fromNamespace ? { source: { namespace: ev.target.namespace, ...annotation } } : {}),
  };
}

export interface AdmittedSelectorVerdict {
  why: string;
  decisive: string;
  fix: string;
  /** What follows the fix in the next action: the waiting pods do not pick up a new annotation. */
  then: string;
  cause: string;
  evidence: string[];
  outside: string;
  /** The title dates the nodes that moved the label (they were added lately). */
  dated: boolean;
}

/**
 * Why pods wait when the selector admission added keeps them off every schedulable node that
 * would otherwise take them. `carrying`: nodes that carry the admitted labels (all unfit: cordoned,
 * not ready or tainted); `instead`: what the schedulable nodes carry under those keys (or near
 * them), the label the nodes moved to; `since`: how long ago those nodes were added, when lately.
 */
export function describeAdmittedSelector(a: AdmittedSelector, carrying: readonly { name: string; state: string }[], instead: readonly string[], since?: string): AdmittedSelectorVerdict {
  const wanted = a.entries.map(([k, v]) => `${k}=${v}`).join(',');
  const carried = carrying.length === 0
    ? 'no node carries it'
    : `no schedulable node carries it (only ${listFirst(carrying.map((n) => `${n.name}, ${n.state}`), 2)})`;
  const nodesNow = since === undefined ? 'the schedulable nodes' : `the schedulable nodes (added ${since})`;
  const moved = instead.length > 0 ? `; ${nodesNow} carry ${instead.slice(0, 2).join(', ')}` : '';
  const target = instead[0] ?? 'the label the schedulable nodes carry';
  const recreate = 'delete the Pending pods, which keep the selector admission gave them';
  const relabel = `or label those nodes ${wanted}`;
  const then = '. Relabelled nodes take the waiting pods on their own; a changed selector reaches only pods created after it.';
  const evidence = [
    `the template sets no nodeSelector ${wanted}; the pods carry it`,
    ...(carrying.length > 0 ? [`nodes carrying ${wanted}: ${listFirst(carrying.map((n) => `${n.name} (${n.state})`), 3)}`] : [`no node carries ${wanted}`]),
    ...(instead.length > 0 ? [`${nodesNow} carry ${instead.join(', ')}`] : []),
  ];
  // The nodes that still carry the label take no new pod: retired, not forgotten, so they are no way out.
  const retired = carrying.length > 0
    ? `Only nodes that take no new pod carry that label (${listFirst(carrying.map((n) => `${n.name}: ${n.state}`), 2)}); they are on their way out, not the way back. `
    : 'No node carries that label. ';
  const movedCause = instead.length > 0
    ? `The nodes that could take the pods carry ${instead.slice(0, 2).join(', ')}: the label moved on the nodes (a node group replaced under a new naming) and the selector did not follow. `
    : '';
  if (a.source) {
    const { namespace, annotation, value } = a.source;
    return {
      why: `the annotation ${annotation}: ${value} on namespace ${namespace} (PodNodeSelector) adds nodeSelector ${wanted} to every pod — the template has none — and ${carried}${moved}`,
      decisive: `nodeSelector ${wanted}`,
      fix: `set the annotation ${annotation} on namespace ${namespace} to ${target}, then ${recreate}; ${relabel}`,
      then,
      cause:
        `PodNodeSelector admission merges namespace ${namespace}'s ${annotation} annotation (${value}) into the nodeSelector of every pod created there, so these pods ask for ${wanted} though no template says so. ` +
        `${retired}${movedCause}Pods placed before keep running; every pod created since waits, of any revision.`,
      evidence: [`namespace ${namespace}: annotation ${annotation}: ${value}`, ...evidence],
      outside: `namespace ${namespace}'s ${annotation} annotation, not the template, sets the selector: new pods of any revision wait`,
      dated: since !== undefined,
    };
  }
  const where = a.namespaceRead
    ? 'the namespace has no node-selector annotation holding it, so a mutating webhook or policy (or the pods\' RuntimeClass) added it'
    : 'the namespace\'s node-selector annotation (PodNodeSelector) or a mutating webhook or policy added it (the Namespace could not be read)';
  return {
    why: `nodeSelector ${wanted}, which admission adds to the pods — the template has none — matches no schedulable node: ${carried}${moved}`,
    decisive: `nodeSelector ${wanted}`,
    fix: `find what adds nodeSelector ${wanted} at admission (${where}) and make it ask for ${target}, then ${recreate}; ${relabel}`,
    then,
    cause: `The pods carry nodeSelector ${wanted} though their template does not: ${where}. ${retired}${movedCause}Every pod created since waits, of any revision.`,
    evidence,
    outside: `admission, not the template, sets the selector ${wanted}: new pods of any revision wait`,
    dated: since !== undefined,
  };
}
