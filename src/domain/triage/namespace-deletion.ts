/**
 * A namespace being deleted refuses every new object ("unable to create new content in namespace
 * X because it is being terminated"): no controller can replace a pod, whatever the workload.
 * What the engineer needs is that the namespace was deleted, when, and what holds the deletion
 * (objects whose finalizers nobody removes, an API group that cannot be discovered), from the
 * namespace controller's own conditions.
 */
import type { TriageEvidence } from './evidence.js';
import type { NamespaceDeletionEvidence } from './evidence-namespace.js';
import { formatAgo } from './time-span.js';

/** The API server's refusal of new objects in a namespace being deleted; group 1 is the namespace. */
export const NAMESPACE_TERMINATING = /unable to create new content in namespace ([\w.-]+) because it is being terminated/i;

export interface NamespaceDeletionSummary {
  namespace: string;
  /** "Terminating, deleted 15m ago" or "Terminating". */
  state: string;
  /** What the namespace controller still waits for, in its own words (prefix dropped). */
  holds: string[];
  /** The finalizers named in NamespaceFinalizersRemaining ("strimzi.io/topic-operator in 2 resource instances"). */
  finalizers?: string;
}

function findDeletion(ev: TriageEvidence, namespace: string): NamespaceDeletionEvidence | undefined {
  return (ev.namespaceObjects ?? []).find((o) => o.kind === 'Namespace' && o.name === namespace)?.deletion;
}

/** "Some resources are remaining: a has 2 resource instances" → the part after the colon. */
function detailOf(message: string | undefined): string | undefined {
  if (message === undefined) return undefined;
  const i = message.indexOf(': ');
  return (i >= 0 ? message.slice(i + 2) : message).trim() || undefined;
}

/** Read the namespace's deletion; with no Namespace evidence, only the refusal's own words. */
export function summarizeNamespaceDeletion(ev: TriageEvidence, namespace: string): NamespaceDeletionSummary {
  const d = findDeletion(ev, namespace);
  const when = d?.deletedAt === undefined ? '' : `, deleted ${formatAgo(d.deletedAt, ev.collectedAt)}`;
  const state = `${d?.phase ?? 'Terminating'}${when}`;
  const held = (d?.conditions ?? []).filter((c) => c.status === 'True' && c.message !== undefined);
  const holds = held.map((c) => `${c.type}: ${detailOf(c.message) ?? ''}`);
  const finalizers = detailOf(held.find((c) => c.type === 'NamespaceFinalizersRemaining')?.message);
  return { namespace, state, holds, ...(finalizers === undefined ? {} : { finalizers }) };
}
