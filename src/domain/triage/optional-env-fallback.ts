/**
 * A dependency address the app took from its own default because the variable never arrived: the
 * variable is read from a ConfigMap or Secret key through an `optional: true` reference, the key
 * is gone (renamed by an edit), and the kubelet starts the container without it instead of failing
 * it. The app logs it unset and connects to its default — usually localhost — which refuses. The
 * fault is the key, not the dependency. A ConfigMap's key names say whether the key is really gone
 * and what it was renamed to; a Secret's are never read.
 */
import type { ContainerSpecEvidence, LogEvidence, TriageEvidence } from './evidence.js';
import { condenseStructuredLine } from './evidence-lookup.js';
import { type UnsetOptionalEnv, describeOptionalRef, findUnsetOptionalEnv, fixOptionalKey } from './optional-env-ref.js';

export interface OptionalEnvFallback {
  unset: UnsetOptionalEnv;
  /** "ConfigMap kafka-client has no key KAFKA_BROKERS (it holds … instead) and the configMapKeyRef is optional: true". */
  why: string;
  cause: string;
  action: string;
  fix: string;
  evidence: string[];
  /** The ConfigMap's keys were read and lack the key. */
  confirmed: boolean;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|::1|\[::1\])$/i;
/** The app says it used a built-in value instead. */
const FELL_BACK = /\b(default|fall(?:ing|s)? ?back|fallback)\b/i;

/** Keys the ConfigMap holds that the container does not read and that share a word with the missing one. */
function listLikelyRenames(keys: readonly string[], missing: string, read: ReadonlySet<string>): string[] {
  const words = (k: string) => k.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length >= 3);
  const mine = new Set(words(missing));
  return keys.filter((k) => k !== missing && !read.has(k) && words(k).some((w) => mine.has(w))).slice(0, 3);
}

/** The optional key behind a dependency address the app defaulted; undefined when nothing says so. */
export function findOptionalEnvFallback(ev: TriageEvidence, container: ContainerSpecEvidence | undefined, logs: readonly LogEvidence[], host: string | undefined): OptionalEnvFallback | undefined {
  if (container === undefined) return undefined;
  const unset = findUnsetOptionalEnv(container.env ?? [], logs.flatMap((l) => l.lines));
  // Only an address the app took by default: a loopback host, or a line that says it used its default.
  if (unset === undefined || !((host !== undefined && LOOPBACK.test(host)) || FELL_BACK.test(unset.line))) return undefined;
  const { source, refName } = describeOptionalRef(unset);
  const cm = unset.kind === 'configMap' ? (ev.namespaceObjects ?? []).find((o) => o.kind === 'ConfigMap' && o.name === unset.source && o.keys !== undefined) : undefined;
  // The ConfigMap still has the key: the variable is unset for another reason; say nothing here.
  if (cm?.keys?.includes(unset.key)) return undefined;
  const read = new Set((container.env ?? []).flatMap((e) => ('ref' in e && e.ref.name === unset.source && e.ref.key !== undefined ? [e.ref.key] : [])));
  const renames = cm?.keys ? listLikelyRenames(cm.keys, unset.key, read) : [];
  const why = cm
    ? `${source} has no key ${unset.key}${renames.length > 0 ? ` (it holds ${renames.join(', ')} instead)` : ''} and the ${refName} is optional: true`
    : `its ${refName} to ${source} key ${unset.key} is optional: true`;
  const known = cm ? `the ConfigMap's keys now: ${cm.keys?.join(', ') || '(none)'}` : unset.kind === 'secret' ? 'a Secret\'s keys are not read' : `${source} was not read: whether it still has key ${unset.key} is unknown`;
  const fix = fixOptionalKey(unset, renames[0]);
  return {
    unset,
    why,
    confirmed: cm !== undefined,
    evidence: [`env ${unset.env} from ${source} key ${unset.key}, optional: true; ${known}`, `the app logs: ${condenseStructuredLine(unset.line)}`],
    cause: `${cm ? `${source} no longer has key ${unset.key}` : `The app logs ${unset.env} unset, and ${source} may no longer have key ${unset.key}`} (renamed or removed, e.g. by an edit), and ${unset.env}'s ${refName} is optional: true: every container started since gets no ${unset.env} at all — the kubelet starts it rather than failing it with CreateContainerConfigError — and the app falls back to its built-in default, an address where nothing answers. Pods started before the key went away still hold the value and keep working.`,
    action: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; then restart the failing pods so they read it. Do not restart the pods that still work until then: they hold the old value, and a restart starts them without it too.`,
    fix,
  };
}
