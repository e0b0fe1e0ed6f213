/**
 * A sandbox failure about an object the pod itself names: the CNI plugin says `<resource> "<name>"
 * not found` and the pod template's own annotation names it (Multus reads the extra networks from
 * `k8s.v1.cni.cncf.io/networks`). Then the fault is the pod's configuration, not the node: every
 * pod carrying that annotation fails the same way on any node.
 */
import type { RevisionEvidence } from './evidence.js';
import { diffRevisions } from './revision-diff.js';

export interface AnnotatedMissingObject {
  /** "network-attachment-definition". */
  resource: string;
  name: string;
  /** The template annotation that names it, and its value. */
  annotation: string;
  value: string;
  /** The plugin's words for it: `cannot find a network-attachment-definition (x) in namespace (y): … "x" not found`. */
  quote: string;
  /** The revision whose template brought the annotation's value in, with its diff line; absent when the previous revision had the same. */
  introducedBy?: { revision: number; change: string };
}

/** `network-attachment-definitions.k8s.cni.cncf.io "vlan130-macvlan" not found`: the API's NotFound wording, with the plugin's clause before it. */
const NOT_FOUND = /(?:cannot find [^:'"]+: )?([a-z][\w-]*)(?:\.[\w.-]+)? "([^"]+)" not found/i;

function singular(resource: string): string {
  return resource.toLowerCase().replace(/s$/, '');
}

/** Names an annotation value lists: "a, ns/b", `[{"name":"c","namespace":"ns"}]`, "d@eth1". */
function namesIn(value: string): string[] {
  return value.split(/[\s,"'{}[\]:/@=]+/).filter(Boolean);
}

export function findAnnotatedMissingObject(message: string, revision: RevisionEvidence | undefined, previous: RevisionEvidence | undefined): AnnotatedMissingObject | undefined {
  const m = NOT_FOUND.exec(message);
  const name = m?.[2];
  const annotations = revision?.template?.annotations;
  if (m === null || name === undefined || annotations === undefined || revision === undefined) return undefined;
  const entry = Object.entries(annotations).find(([, v]) => namesIn(v).includes(name));
  if (entry === undefined) return undefined;
  const [annotation, value] = entry;
  const change = previous === undefined ? undefined : diffRevisions(previous, revision).find((l) => l.startsWith(`pod annotation`) && l.includes(` ${annotation}`));
  return { resource: singular(m[1] ?? ''), name, annotation, value, quote: m[0], ...(change === undefined ? {} : { introducedBy: { revision: revision.revision, change } }) };
}
