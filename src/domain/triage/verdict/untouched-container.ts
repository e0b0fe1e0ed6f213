/**
 * A revision that changed only other containers of the pod (the app's image bump) left the failing
 * one (an nginx sidecar) as it was: for that container the rollout was only a restart, which made
 * it read at start what it reads from a ConfigMap — and an edit of that ConfigMap made before the
 * rollout is what fails, not the revision.
 */
import type { PodEvidence, RevisionEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';

/** The container a mechanism's title names ("Sidecar container nginx exits …", "Container app …"). */
export function readFailingContainer(mechanism: Finding | undefined): string | undefined {
  return /\b(?:sidecar container|container|sidecar) ([\w.-]+)/i.exec(mechanism?.title ?? '')?.[1];
}

/** Every line of the diff is about another container of the template: none about `container`, none about the pod as a whole. */
export function leavesContainerAlone(diff: readonly string[], newer: RevisionEvidence, container: string): boolean {
  const others = newer.containers.map((c) => c.name).filter((n) => n !== container);
  if (!newer.containers.some((c) => c.name === container)) return false;
  return diff.length > 0 && diff.every((l) => others.some((o) => l.startsWith(`${o} `)));
}

/** Whether `container` of the pods reads ConfigMap `name`: a volume it mounts, env taken from it, or envFrom. */
export function readsConfigMap(pods: readonly PodEvidence[], container: string, name: string): boolean {
  return pods.some((p) => {
    const c = p.containers.find((x) => x.name === container);
    if (c === undefined) return false;
    const volumes = new Set((p.volumes ?? []).filter((v) => v.source === 'configMap' && v.ref === name).map((v) => v.name));
    return (c.volumeMounts ?? []).some((m) => volumes.has(m.name)) || (c.envFrom ?? []).some((e) => e.kind === 'configMap' && e.name === name) || (c.env ?? []).some((e) => 'ref' in e && e.ref.kind === 'configMap' && e.ref.name === name);
  });
}
