// Small conversions shared by the V1 → evidence mappers. The client turns `metav1.Time` into
// Date but leaves `MicroTime` (event eventTime, series.lastObservedTime) as the server's string,
// so every time field goes through toIsoTime().
import type * as k8s from '@kubernetes/client-node';
import type { ConditionEvidence, IsoTime } from '../../domain/triage/evidence.js';

/**
 * The API's time as an ISO string. metav1.Time has second precision, so a Date is printed
 * without the ".000" JavaScript adds: "2026-11-21T03:02:11Z", as the API server wrote it.
 */
export function toIsoTime(t: Date | string | null | undefined): IsoTime | undefined {
  if (t === undefined || t === null) return undefined;
  if (typeof t === 'string') return t === '' ? undefined : t;
  if (Number.isNaN(t.getTime())) return undefined;
  return t.toISOString().replace('.000Z', 'Z');
}

/**
 * Sets on `out` each of `fields` that is defined, in the order given: evidence leaves out what
 * the API did not say rather than holding undefined.
 */
export function assignDefined<T extends object>(out: T, fields: Partial<T>): T {
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

/** A copy of a string map (labels, requests), {} when the API has none. */
export function copyMap(m: Record<string, string> | undefined): Record<string, string> {
  return m === undefined ? {} : { ...m };
}

interface V1ConditionLike {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: Date;
}

function conditionStatus(s: string): ConditionEvidence['status'] {
  // The API only ever reports these three; anything else would be a broken server.
  return s === 'True' || s === 'False' ? s : 'Unknown';
}

function mapCondition(c: V1ConditionLike): ConditionEvidence {
  const out: ConditionEvidence = { type: c.type, status: conditionStatus(c.status) };
  if (c.reason !== undefined && c.reason !== '') out.reason = c.reason;
  if (c.message !== undefined && c.message !== '') out.message = c.message;
  const at = toIsoTime(c.lastTransitionTime);
  if (at !== undefined) out.lastTransitionTime = at;
  return out;
}

export function mapConditions(list: readonly V1ConditionLike[] | undefined): ConditionEvidence[] {
  return (list ?? []).map(mapCondition);
}

export function toProtocol(p: string | undefined): 'TCP' | 'UDP' | 'SCTP' {
  // The API server defaults protocol to TCP on every port it stores.
  return p === 'UDP' || p === 'SCTP' ? p : 'TCP';
}

/** The newest managedFields time: when the object was last written (status writes included). */
export function lastChangeOf(meta: k8s.V1ObjectMeta | undefined): IsoTime | undefined {
  let newest: Date | undefined;
  for (const f of meta?.managedFields ?? []) {
    const t = f.time === undefined ? undefined : new Date(f.time);
    if (t !== undefined && !Number.isNaN(t.getTime()) && (newest === undefined || t > newest)) newest = t;
  }
  return toIsoTime(newest);
}
