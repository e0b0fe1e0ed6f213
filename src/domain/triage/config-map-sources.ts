/**
 * The ConfigMaps a container takes its variables from — whole (envFrom) or one key through an env
 * var (configMapKeyRef) — where a setting the logs point at is often kept. Never a Secret: what a
 * Secret holds stays unread.
 */
import type { EnvFromEvidence, EnvVarEvidence } from './evidence.js';

/** A ConfigMap to read for a setting: taken whole (`envFrom`) or one key by an env var. */
export interface ConfigMapSource {
  configMap: string;
  /** `envFrom`, or the env var that takes one key. */
  via: string;
  key?: string;
}

/** The container's ConfigMap sources, each ConfigMap once, envFrom first, at most `max`. */
export function listConfigMapSources(c: { env?: readonly EnvVarEvidence[]; envFrom?: readonly EnvFromEvidence[] } | undefined, max: number): ConfigMapSource[] {
  const all: ConfigMapSource[] = [
    ...(c?.envFrom ?? []).filter((e) => e.kind === 'configMap').map((e) => ({ configMap: e.name, via: 'envFrom' })),
    ...(c?.env ?? []).flatMap((e) => ('ref' in e && e.ref.kind === 'configMap' && e.ref.name !== undefined ? [{ configMap: e.ref.name, via: e.name, ...(e.ref.key ? { key: e.ref.key } : {}) }] : [])),
  ];
  const seen = new Set<string>();
  return all.filter((r) => !seen.has(r.configMap) && seen.add(r.configMap)).slice(0, max);
}
