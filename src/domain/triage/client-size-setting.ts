// Where a client keeps the setting that sizes what it sends (its batch size), found by the
// variable's name among what its container takes: a literal env value, a ConfigMap key an env var
// takes, or a key of a ConfigMap it takes whole (envFrom; the key names come from the namespace's
// ConfigMap list, whose values are never kept). A server that refuses what is too big is fixed
// there, so the fix names the variable and where it is kept. Never a Secret.
import type { ContainerEvidence } from './evidence-pod.js';
import type { NamespaceObjectEvidence } from './evidence-context.js';

export interface ClientSetting {
  /** The variable as the process sees it: `INGEST_BATCH_SIZE`. */
  variable: string;
  /** Where it is kept: `ConfigMap metrics-ingester-config (envFrom)`, `the pod template`. */
  where: string;
  /** The ConfigMap that holds it, when one does. */
  configMap?: string;
  /** Its value, when the pod template writes it. */
  value?: string;
}

/** The first variable of the container whose name matches `pattern`, with where it is kept. */
export function findClientSetting(c: Pick<ContainerEvidence, 'env' | 'envFrom'> | undefined, objects: readonly NamespaceObjectEvidence[], pattern: RegExp): ClientSetting | undefined {
  for (const e of c?.env ?? []) {
    if (!pattern.test(e.name)) continue;
    if ('value' in e) return { variable: e.name, where: 'the pod template', value: e.value };
    if (e.ref.kind === 'configMap' && e.ref.name !== undefined) return { variable: e.name, where: `ConfigMap ${e.ref.name} (key ${e.ref.key ?? e.name})`, configMap: e.ref.name };
  }
  for (const f of c?.envFrom ?? []) {
    if (f.kind !== 'configMap') continue;
    const key = objects.find((o) => o.kind === 'ConfigMap' && o.name === f.name)?.keys?.find((k) => pattern.test(k));
    if (key !== undefined) return { variable: `${f.prefix ?? ''}${key}`, where: `ConfigMap ${f.name} (envFrom)`, configMap: f.name };
  }
  return undefined;
}
