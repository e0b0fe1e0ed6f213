/**
 * A revision whose only template change is a restart or reload marker: `kubectl rollout restart`'s
 * restartedAt, a chart's checksum/* of its ConfigMap or Secret, Stakater Reloader's
 * last-reloaded-from annotation or its hash env var (STAKATER_<NAME>_CONFIGMAP, its default
 * strategy), a chart's config hash env, a pod label or annotation stamped per deploy (a key that
 * names a restart, Helm's rollme, a date or a per-deploy hash as its value). Such a revision runs
 * what ran before; it only made new pods re-read the Secrets and ConfigMaps they mount. What changed
 * is that object's content, so the revision before is no way back: its pods would read the same object.
 */
import type { EnvVarEvidence, RevisionEvidence } from './evidence-spec.js';
import { diffRevisions } from './revision-diff.js';

export interface RestartMarker {
  /** The annotation or env var that changed (the first, when several did). */
  marker: string;
  /** The container whose env var it is; absent for a pod annotation or label. */
  container?: string;
  /** Set when the marker is a pod label, not an annotation. */
  label?: true;
  /** The object whose change it stamps, when the marker says: Reloader names it, a checksum key says its kind. */
  object?: { kind: 'Secret' | 'ConfigMap'; name?: string };
  /**
   * Set when the marker is a hash of content (a checksum, Reloader's hash), which changes only when
   * that content did. A time or per-deploy stamp (restartedAt, rollme, a date) changes at every
   * restart: it says nothing about what the pods read.
   */
  content?: true;
}

const MARKER = /(^|\/)restartedAt$|^checksum\/|^reloader\.stakater\.com\//i;
/** Markers that hash content: a chart's checksum/*, Reloader's annotations. */
const CONTENT_KEY = /^checksum\/|^reloader\.stakater\.com\//i;
/** A key (its name after any prefix/) that says it stamps a restart or a deploy: redeployed-on, rollme, force-redeploy, deploy-time. */
const STAMP_KEY = /restart|redeploy|rollme|timestamp|deploy(ed)?[-_.]?(at|time|date|stamp)$/i;
/** A key that names what runs (version: 1.2.3, release): its change goes with a real one, whatever its value looks like. */
const VERSION_KEY = /version|release/i;
/** A date or time as a stamp writes it: 20260212, 20260212-0257, 2026-02-12T02-57-00Z, or epoch seconds/milliseconds. */
const DATE_VALUE = /^(?:(?:19|20)\d{2}[-./]?(?:0[1-9]|1[0-2])[-./]?(?:0[1-9]|[12]\d|3[01])(?:[T _.-]?\d{2}(?:[:.-]?\d{2}){0,2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?|1\d{9}(?:\d{3})?)$/i;
/** A per-deploy hash (a commit, a build digest): hex, with letters and digits both. */
const STAMP_HASH = /^(?=.*\d)(?=.*[a-f])[0-9a-f]{7,64}$/i;
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

/** A label or annotation that changes per deploy and means nothing the pods run with. */
function isStamp(key: string, before: string | undefined, after: string | undefined): boolean {
  if (MARKER.test(key)) return true;
  const name = key.slice(key.lastIndexOf('/') + 1);
  if (STAMP_KEY.test(name)) return true;
  if (VERSION_KEY.test(name)) return false;
  return [before, after].every((v) => v === undefined || DATE_VALUE.test(v) || STAMP_HASH.test(v));
}

/** The keys whose value differs between two maps (added and removed count). */
function listChangedKeys(a: Record<string, string>, b: Record<string, string>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]).sort();
}

/** The diff line is about this pod label or annotation (changed, added, removed). */
const isMetadataLine = (line: string, what: 'label' | 'annotation', key: string): boolean =>
  [`pod ${what} ${key}:`, `pod ${what} added ${key}`, `pod ${what} removed ${key}`].some((p) => line.startsWith(p));

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
  const changed = listChangedKeys(a, b);
  if (!changed.every((k) => isStamp(k, a[k], b[k]))) return undefined;
  // Labels unread on either side are no change seen; the diff shows none then either.
  const la = older.template?.labels ?? {};
  const lb = newer.template?.labels ?? {};
  const labels = older.template?.labels === undefined || newer.template?.labels === undefined ? [] : listChangedKeys(la, lb);
  if (!labels.every((k) => isStamp(k, la[k], lb[k]))) return undefined;
  const envs = listChangedEnvMarkers(older, newer);
  if (changed.length === 0 && labels.length === 0 && envs.length === 0) return undefined;
  // The diff shows markers it does not hide as noise (Reloader's, labels); anything else is a real change.
  const rest = diffRevisions(older, newer)
    .filter((l) => !changed.some((k) => isMetadataLine(l, 'annotation', k)))
    .filter((l) => !labels.some((k) => isMetadataLine(l, 'label', k)))
    .filter((l) => !envs.some((e) => isEnvLine(l, e.container, e.name)));
  if (rest.length > 0) return undefined;
  const named = changed.map((k) => ({ k, o: objectOf(k, b[k]) })).find((x) => x.o !== undefined);
  if (named !== undefined) return { marker: named.k, content: true, ...(named.o !== undefined ? { object: named.o } : {}) };
  const [env] = envs;
  if (env !== undefined) return { marker: env.name, container: env.container, object: envObjectOf(env.name, newer), content: true };
  const [annotation] = changed;
  // A checksum of another rendered file still changes only with content.
  if (annotation !== undefined) return { marker: annotation, ...(CONTENT_KEY.test(annotation) ? { content: true as const } : {}) };
  return { marker: labels[0] ?? '', label: true };
}

/** "container app's env STAKATER_X_CONFIGMAP", "its checksum/config annotation", "its pod label redeployed-on": what the revision changed. */
export function describeMarker(m: RestartMarker): string {
  if (m.container !== undefined) return `container ${m.container}'s env ${m.marker}`;
  return m.label ? `its pod label ${m.marker}` : `its ${m.marker} annotation`;
}

/** "Secret x", "a Secret the pods mount", "the Secrets and ConfigMaps the pods mount". */
export function describeMarkedObject(m: RestartMarker): string {
  if (m.object?.name !== undefined) return `${m.object.kind} ${m.object.name}`;
  if (m.object !== undefined) return `a ${m.object.kind} the pods read`;
  return 'the Secrets and ConfigMaps the pods read';
}
