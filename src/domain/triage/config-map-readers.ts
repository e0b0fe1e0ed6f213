/** Which pods read a ConfigMap: an edit of it reaches only them, at their next start. */
import type { PodEvidence } from './evidence.js';

/** Whether any container of the pods reads ConfigMap `name`: mounted as a volume, taken whole (envFrom) or one key by an env var. */
export function isConfigMapReadByPods(pods: readonly PodEvidence[], name: string): boolean {
  return pods.some((p) => (p.volumes ?? []).some((v) => v.source === 'configMap' && v.ref === name)
    || p.containers.some((c) => (c.envFrom ?? []).some((e) => e.kind === 'configMap' && e.name === name) || (c.env ?? []).some((e) => 'ref' in e && e.ref.kind === 'configMap' && e.ref.name === name)));
}
