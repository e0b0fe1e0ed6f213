/**
 * An env var fed from a Secret or ConfigMap key marked `optional: true`: when the key is missing
 * (renamed by a new template, dropped by an edit) the kubelet starts the container without the
 * variable instead of failing it with CreateContainerConfigError. The app then runs with it empty
 * and fails later, at the dependency. Only the app's own log can say the variable arrived empty;
 * pods started before the key went away still hold the value.
 */
import type { EnvVarEvidence, RevisionEvidence } from './evidence.js';
import { sortRevisions } from './revision-diff.js';
import { escapeRegExp } from '../text.js';

export interface UnsetOptionalEnv {
  env: string;
  kind: 'secret' | 'configMap';
  source: string;
  key: string;
  /** The log line that says the variable is empty or unset. */
  line: string;
}

const UNSET = /\b(is empty|empty value|not set|unset|is missing|missing|is required|required but|is blank|undefined|no value)\b/i;

/** The optional reference whose variable the app reports empty or unset, with that line. */
export function findUnsetOptionalEnv(env: readonly EnvVarEvidence[], lines: readonly string[]): UnsetOptionalEnv | undefined {
  for (const e of env) {
    if (!('ref' in e) || e.ref.optional !== true || (e.ref.kind !== 'secret' && e.ref.kind !== 'configMap')) continue;
    const { name, key } = e.ref;
    if (name === undefined || key === undefined) continue;
    const named = new RegExp(`(^|[^A-Za-z0-9_])${escapeRegExp(e.name)}([^A-Za-z0-9_]|$)`);
    const line = lines.find((l) => named.test(l) && UNSET.test(l));
    if (line !== undefined) return { env: e.name, kind: e.ref.kind, source: name, key, line: line.trim() };
  }
  return undefined;
}

/** Where the reference points ("Secret ledger-db") and the name of its field in the pod spec. */
export function describeOptionalRef(u: UnsetOptionalEnv): { source: string; refName: 'secretKeyRef' | 'configMapKeyRef' } {
  return u.kind === 'secret' ? { source: `Secret ${u.source}`, refName: 'secretKeyRef' } : { source: `ConfigMap ${u.source}`, refName: 'configMapKeyRef' };
}

/** The key back (or the reference moved to where the key went), and the reference made required. */
export function fixOptionalKey(u: UnsetOptionalEnv, renamedTo?: string): string {
  const { source, refName } = describeOptionalRef(u);
  return `put key ${u.key} back in ${source} (or point ${u.env}'s ${refName} at the key it holds now${renamedTo ? `, e.g. ${renamedTo}` : ''}), and drop optional: true so a missing key fails the start loudly`;
}

/** The previous revision reads the variable from the same key: the rollout did not move it. */
export function describeSameRead(revisions: readonly RevisionEvidence[], container: string, unset: UnsetOptionalEnv): string | undefined {
  const [newest, previous] = sortRevisions(revisions);
  if (newest === undefined || previous === undefined) return undefined;
  const refOf = (r: RevisionEvidence) => {
    const e = r.containers.find((c) => c.name === container)?.env.find((x) => x.name === unset.env);
    return e && 'ref' in e ? JSON.stringify(e.ref) : undefined;
  };
  const now = refOf(newest);
  if (now === undefined || now !== refOf(previous)) return undefined;
  return `revision ${previous.revision} reads ${unset.env} the same way (${unset.kind === 'secret' ? 'Secret' : 'ConfigMap'} ${unset.source} key ${unset.key}, optional); any new pod, of either revision, starts without it`;
}
