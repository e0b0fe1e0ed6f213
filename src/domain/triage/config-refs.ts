/**
 * The Secrets and ConfigMaps a pod template takes values from (env refs, envFrom, volumes), by
 * name, and which of them two templates share. Names only: nothing here reads a Secret.
 */
import type { ConfigRefEvidence } from './evidence-config-refs.js';
import type { EnvFromEvidence, EnvVarEvidence, VolumeEvidence } from './evidence-spec.js';

interface TemplateParts {
  containers: readonly { env?: readonly EnvVarEvidence[]; envFrom?: readonly EnvFromEvidence[] }[];
  volumes?: readonly VolumeEvidence[];
}

export function listConfigRefs(t: TemplateParts): ConfigRefEvidence[] {
  const out: ConfigRefEvidence[] = [];
  for (const c of t.containers) {
    for (const e of c.env ?? []) {
      if (!('ref' in e) || (e.ref.kind !== 'secret' && e.ref.kind !== 'configMap') || !e.ref.name) continue;
      out.push({ kind: e.ref.kind, name: e.ref.name, ...(e.ref.key ? { key: e.ref.key } : {}), via: e.name });
    }
    for (const f of c.envFrom ?? []) if (f.name) out.push({ kind: f.kind, name: f.name, via: 'envFrom' });
  }
  for (const v of t.volumes ?? []) {
    if ((v.source === 'secret' || v.source === 'configMap') && v.ref) out.push({ kind: v.source, name: v.ref, via: `volume ${v.name}` });
  }
  const seen = new Set<string>();
  return out.filter((r) => {
    const k = `${r.kind}/${r.name}/${r.key ?? ''}/${r.via}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}

/** An env var whose name says it carries a credential: a ConfigMap shared that way is a shared credential too. */
const CREDENTIAL_NAME = /KEY|TOKEN|SECRET|PASSW|CREDENTIAL|AUTH/i;

/**
 * The references two templates share that carry a credential: the same Secret (and key, when both
 * name one), or the same ConfigMap key taken into a credential-named env var. A shared ConfigMap of
 * settings says nothing about a shared rate budget.
 */
export function findSharedCredentials(ours: readonly ConfigRefEvidence[], theirs: readonly ConfigRefEvidence[]): ConfigRefEvidence[] {
  const carries = (r: ConfigRefEvidence) => r.kind === 'secret' || (r.key !== undefined && CREDENTIAL_NAME.test(r.via));
  const shared = ours.filter(carries).filter((o) => theirs.some((t) => carries(t) && t.kind === o.kind && t.name === o.name && (o.key === undefined || t.key === undefined || o.key === t.key)));
  const seen = new Set<string>();
  return shared.filter((r) => (seen.has(`${r.kind}/${r.name}`) ? false : (seen.add(`${r.kind}/${r.name}`), true)));
}
