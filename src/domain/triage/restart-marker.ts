/**
 * A revision whose only template change is a restart or reload marker: `kubectl rollout restart`'s
 * restartedAt, a chart's checksum/* of its ConfigMap or Secret, Stakater Reloader's
 * last-reloaded-from. Such a revision runs what ran before; it only made new pods re-read the
 * Secrets and ConfigMaps they mount. What changed is that object's content, so the revision before
 * is no way back: its pods would read the same object.
 */
import type { RevisionEvidence } from './evidence-spec.js';
import { diffRevisions } from './revision-diff.js';

export interface RestartMarker {
  /** The annotation that changed (the first, when several did). */
  annotation: string;
  /** The object whose change it stamps, when the marker says: Reloader names it, a checksum key says its kind. */
  object?: { kind: 'Secret' | 'ConfigMap'; name?: string };
}

const MARKER = /(^|\/)restartedAt$|^checksum\/|^reloader\.stakater\.com\//i;
/** Reloader writes the object it reloaded for: {"type":"SECRET","name":"…","hash":"…"}. */
const RELOADED_FROM = /"type"\s*:\s*"(SECRET|CONFIGMAP)"[^}]*"name"\s*:\s*"([^"]+)"/i;

function objectOf(key: string, value: string | undefined): RestartMarker['object'] {
  const m = value === undefined ? null : RELOADED_FROM.exec(value);
  if (m !== null) return { kind: /^secret$/i.test(m[1] ?? '') ? 'Secret' : 'ConfigMap', ...(m[2] ? { name: m[2] } : {}) };
  if (/^checksum\/secret/i.test(key)) return { kind: 'Secret' };
  if (/^checksum\/config/i.test(key)) return { kind: 'ConfigMap' };
  return undefined;
}

/** The marker, when it is all that changed from `older` to `newer`; undefined when anything else did (or the templates were not read). */
export function findRestartMarker(older: RevisionEvidence, newer: RevisionEvidence): RestartMarker | undefined {
  const a = older.template?.annotations;
  const b = newer.template?.annotations;
  if (a === undefined || b === undefined) return undefined;
  const changed = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]).sort();
  if (changed.length === 0 || !changed.every((k) => MARKER.test(k))) return undefined;
  // The diff shows markers it does not hide as noise (Reloader's); anything else is a real change.
  const rest = diffRevisions(older, newer).filter((l) => !changed.some((k) => l.startsWith(`pod annotation ${k}:`) || l.startsWith(`pod annotation added ${k}:`)));
  if (rest.length > 0) return undefined;
  const named = changed.map((k) => ({ k, o: objectOf(k, b[k]) })).find((x) => x.o !== undefined) ?? { k: changed[0] ?? '', o: undefined };
  return { annotation: named.k, ...(named.o !== undefined ? { object: named.o } : {}) };
}

/** "Secret x", "a Secret the pods mount", "the Secrets and ConfigMaps the pods mount". */
export function describeMarkedObject(m: RestartMarker): string {
  if (m.object?.name !== undefined) return `${m.object.kind} ${m.object.name}`;
  if (m.object !== undefined) return `a ${m.object.kind} the pods read`;
  return 'the Secrets and ConfigMaps the pods read';
}
