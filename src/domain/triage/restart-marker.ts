/**
 * A revision whose only template change is a restart or reload marker: `kubectl rollout restart`'s
 * restartedAt, a chart's checksum/* of its ConfigMap or Secret, Stakater Reloader's
 * last-reloaded-from annotation or its hash env var (STAKATER_<NAME>_CONFIGMAP, its default
 * strategy), a chart's config hash env. Such a revision runs what ran before; it only made new pods
 * re-read the Secrets and ConfigMaps they mount. What changed is that object's content, so the
 * revision before is no way back: its pods would read the same object.
 */
import type { EnvVarEvidence, RevisionEvidence } from './evidence-spec.js';
import { diffRevisions } from './revision-diff.js';

export interface RestartMarker {
  /** The annotation or env var that changed (the first, when several did). */
  marker: string;
  /** The container whose env var it is; absent for a pod annotation. */
  container?: string;
  /** The object whose change it stamps, when the marker says: Reloader names it, a checksum key says its kind. */
  object?: { kind: 'Secret' | 'ConfigMap'; name?: string };
}

const MARKER = /(^|\/)restartedAt$|^checksum\/|^reloader\.stakater\.com\//i;
/** Reloader writes the object it reloaded for: {"type":"SECRET","name":"…","hash":"…"}. */
const RELOADED_FROM = /"type"\s*:\s*"(SECRET|CONFIGMAP)"[^}]*"name"\s*:\s*"([^"]+)"/i;
/** Reloader's env strategy: STAKATER_ + the object's name upper-cased (non-alphanumerics as _) + _CONFIGMAP or _SECRET. */
const RELOADER_ENV = /^STAKATER_(\w+)_(CONFIGMAP|SECRET)$/;
/** A chart's hash of its rendered config, put in env to roll the pods when it changes (CONFIG_CHECKSUM, SECRET_HASH). */
const HASH_ENV = /(^|_)(CONFIG|CONFIGMAP|SECRETS?)_(CHECKSUM|HASH|SHA\d*)$/i;
const HASH_VALUE = /^[0-9a-f]{8,}$/i;

function objectOf(key: string, value: string | undefined): RestartMarker['object'] {
  const m = value === undefined ? null : RELOADED_FROM.exec(value);
  if (m !== null) return { kind: /^secret$/i.test(m[1] ?? '') ? 'Secret' : 'ConfigMap', ...(m[2] ? { name: m[2] } : {}) };
  if (/^checksum\/secret/i.test(key)) return { kind: 'Secret' };
  if (/^checksum\/config/i.test(key)) return { kind: 'ConfigMap' };
  return undefined;
}

/** Reloader's variable name for an object name, as it builds it. */
const toEnvName = (name: string): string => name.toUpperCase().replace(/[^A-Z0-9]/g, '_');

/** The ConfigMaps and Secrets a template reads (volumes, projected sources, envFrom, env refs). */
function listReadObjects(r: RevisionEvidence): { kind: 'Secret' | 'ConfigMap'; name: string }[] {
  const kindOf = (k: string): 'Secret' | 'ConfigMap' | undefined => (k === 'secret' ? 'Secret' : k === 'configMap' ? 'ConfigMap' : undefined);
  const out: { kind: 'Secret' | 'ConfigMap' | undefined; name: string | undefined }[] = [];
  for (const v of r.template?.volumes ?? []) {
    out.push({ kind: kindOf(v.source), name: v.ref });
    for (const s of v.projectedSources ?? []) out.push({ kind: kindOf(s.kind), name: s.name });
  }
  for (const c of [...r.containers, ...(r.template?.initContainers ?? [])]) {
    for (const e of c.envFrom) out.push({ kind: kindOf(e.kind), name: e.name });
    for (const e of c.env) if ('ref' in e) out.push({ kind: kindOf(e.ref.kind), name: e.ref.name });
  }
  return out.filter((o): o is { kind: 'Secret' | 'ConfigMap'; name: string } => o.kind !== undefined && o.name !== undefined);
}

function envObjectOf(name: string, r: RevisionEvidence): RestartMarker['object'] {
  const m = RELOADER_ENV.exec(name);
  if (m === null) return /secret/i.test(name) ? { kind: 'Secret' } : { kind: 'ConfigMap' };
  const kind = m[2] === 'SECRET' ? 'Secret' : 'ConfigMap';
  // Only a name the template reads: the variable's spelling loses dashes and dots, never guessed back.
  const read = listReadObjects(r).find((o) => o.kind === kind && toEnvName(o.name) === m[1]);
  return read !== undefined ? { kind, name: read.name } : { kind };
}

const valueOf = (env: readonly EnvVarEvidence[], name: string): string | undefined => {
  const e = env.find((x) => x.name === name);
  return e === undefined ? undefined : 'value' in e ? e.value : JSON.stringify(e.ref);
};

/** The marker env vars whose value changed, per container (a marker added counts: a reloader's first stamp). */
function listChangedEnvMarkers(older: RevisionEvidence, newer: RevisionEvidence): { container: string; name: string }[] {
  const out: { container: string; name: string }[] = [];
  for (const c of newer.containers) {
    const was = older.containers.find((o) => o.name === c.name);
    if (was === undefined) continue;
    for (const e of c.env) {
      if (!('value' in e) || valueOf(was.env, e.name) === e.value) continue;
      if (RELOADER_ENV.test(e.name) || (HASH_ENV.test(e.name) && HASH_VALUE.test(e.value))) out.push({ container: c.name, name: e.name });
    }
  }
  return out;
}

/** The diff line is about this container's env var (changed, added). */
const isEnvLine = (line: string, container: string, name: string): boolean =>
  line.startsWith(`${container} env ${name}:`) || line.startsWith(`${container} env ${name} `) || line.startsWith(`${container} env added ${name} `);

/** The marker, when it is all that changed from `older` to `newer`; undefined when anything else did (or the templates were not read). */
export function findRestartMarker(older: RevisionEvidence, newer: RevisionEvidence): RestartMarker | undefined {
  const a = older.template?.annotations;
  const b = newer.template?.annotations;
  if (a === undefined || b === undefined) return undefined;
  const changed = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]).sort();
  if (!changed.every((k) => MARKER.test(k))) return undefined;
  const envs = listChangedEnvMarkers(older, newer);
  if (changed.length === 0 && envs.length === 0) return undefined;
  // The diff shows markers it does not hide as noise (Reloader's); anything else is a real change.
  const rest = diffRevisions(older, newer)
    .filter((l) => !changed.some((k) => l.startsWith(`pod annotation ${k}:`) || l.startsWith(`pod annotation added ${k}:`)))
    .filter((l) => !envs.some((e) => isEnvLine(l, e.container, e.name)));
  if (rest.length > 0) return undefined;
  const named = changed.map((k) => ({ k, o: objectOf(k, b[k]) })).find((x) => x.o !== undefined);
  if (named !== undefined) return { marker: named.k, ...(named.o !== undefined ? { object: named.o } : {}) };
  const [env] = envs;
  if (env !== undefined) return { marker: env.name, container: env.container, object: envObjectOf(env.name, newer) };
  return { marker: changed[0] ?? '' };
}

/** "container app's env STAKATER_X_CONFIGMAP", "its checksum/config annotation": what the revision changed. */
export function describeMarker(m: RestartMarker): string {
  return m.container !== undefined ? `container ${m.container}'s env ${m.marker}` : `its ${m.marker} annotation`;
}

/** "Secret x", "a Secret the pods mount", "the Secrets and ConfigMaps the pods mount". */
export function describeMarkedObject(m: RestartMarker): string {
  if (m.object?.name !== undefined) return `${m.object.kind} ${m.object.name}`;
  if (m.object !== undefined) return `a ${m.object.kind} the pods read`;
  return 'the Secrets and ConfigMaps the pods read';
}
