// core/v1 Event → EventEvidence, with the counting and time fallbacks evidence.ts specifies:
// new-style events (series, eventTime) and old-style ones (count, first/lastTimestamp) both
// come through the core API, so one mapping covers both.
import type * as k8s from '@kubernetes/client-node';
import type { EventEvidence } from '../../domain/triage/evidence.js';
import { toIsoTime } from './map-common.js';

export function mapEvent(e: k8s.CoreV1Event): EventEvidence {
  const o = e.involvedObject;
  const object: EventEvidence['object'] = { kind: o.kind ?? '', name: o.name ?? '' };
  if (o.uid !== undefined && o.uid !== '') object.uid = o.uid;
  if (o.namespace !== undefined && o.namespace !== '') object.namespace = o.namespace;
  if (o.fieldPath !== undefined && o.fieldPath !== '') object.fieldPath = o.fieldPath;
  // MicroTime fields arrive as strings; Time fields as Dates. toIsoTime() takes both.
  const eventTime = toIsoTime(e.eventTime as Date | string | null | undefined);
  const firstSeen = toIsoTime(e.firstTimestamp) ?? eventTime ?? toIsoTime(e.metadata.creationTimestamp) ?? '';
  const lastSeen =
    toIsoTime(e.series?.lastObservedTime as Date | string | null | undefined) ?? toIsoTime(e.lastTimestamp) ?? eventTime ?? firstSeen;
  const out: EventEvidence = {
    object,
    type: e.type === 'Warning' ? 'Warning' : 'Normal',
    reason: e.reason ?? '',
    message: e.message ?? '',
    count: e.series?.count ?? e.count ?? 1,
    firstSeen,
    lastSeen,
  };
  const source = nonEmpty(e.source?.component) ?? nonEmpty(e.reportingComponent);
  if (source !== undefined) out.source = source;
  const r = e.related;
  if (r?.name !== undefined && r.name !== '') {
    out.related = { kind: r.kind ?? '', name: r.name };
    if (r.namespace !== undefined && r.namespace !== '') out.related.namespace = r.namespace;
    if (r.uid !== undefined && r.uid !== '') out.related.uid = r.uid;
  }
  return out;
}

function nonEmpty(s: string | undefined): string | undefined {
  return s === undefined || s === '' ? undefined : s;
}
