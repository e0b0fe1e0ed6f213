/**
 * An env name a container lists more than once. Kubernetes accepts it (the API server only
 * warns "hides previous definition") and the kubelet keeps the last entry, so a patch that
 * appends a name the base already sets (a kustomize or `kubectl apply` merge, an overlay copied
 * from another environment) silently replaces the value the process starts with.
 */
import type { EnvVarEvidence, RevisionContainerEvidence } from './evidence-spec.js';

export interface DuplicateEnv {
  container: string;
  name: string;
  /** Every entry of the name, in order: the last is what the process sees. */
  entries: EnvVarEvidence[];
}

/** Names listed twice or more with entries that differ; a name repeated with the same entry changes nothing. */
export function findDuplicateEnv(containers: readonly { name: string; env?: readonly EnvVarEvidence[] }[]): DuplicateEnv[] {
  return containers.flatMap((c) => {
    const byName = new Map<string, EnvVarEvidence[]>();
    for (const e of c.env ?? []) byName.set(e.name, [...(byName.get(e.name) ?? []), e]);
    return [...byName].flatMap(([name, entries]) =>
      entries.length > 1 && new Set(entries.map((e) => JSON.stringify(e))).size > 1 ? [{ container: c.name, name, entries }] : [],
    );
  });
}

function containersOf(r: { containers: readonly RevisionContainerEvidence[]; template?: { initContainers: readonly RevisionContainerEvidence[] } }): RevisionContainerEvidence[] {
  return [...r.containers, ...(r.template?.initContainers ?? [])];
}

/** The duplicates of `newer` that `older` did not have, entry for entry: what that revision brought in. */
export function findIntroducedDuplicates(
  older: { containers: readonly RevisionContainerEvidence[]; template?: { initContainers: readonly RevisionContainerEvidence[] } } | undefined,
  newer: { containers: readonly RevisionContainerEvidence[]; template?: { initContainers: readonly RevisionContainerEvidence[] } },
): DuplicateEnv[] {
  const had = new Set(older === undefined ? [] : findDuplicateEnv(containersOf(older)).map((d) => JSON.stringify(d)));
  return findDuplicateEnv(containersOf(newer)).filter((d) => !had.has(JSON.stringify(d)));
}

/** "twice", "3 times". */
export function countTimes(n: number): string {
  return n === 2 ? 'twice' : `${n} times`;
}
