// Turns whatever a read threw into a ReadFailure: the report names what could not be read and
// why (RBAC, timeout) instead of guessing around it.
import * as k8s from '@kubernetes/client-node';
import type { ReadFailure } from '../../domain/triage/evidence.js';

/** Thrown (as the abort reason) when the triage budget runs out. */
export class DeadlineExceeded extends Error {
  constructor(readonly budgetMs: number) {
    super(`no answer within the ${budgetMs} ms triage budget`);
    this.name = 'DeadlineExceeded';
  }
}

/** The Status message from an ApiException body (a JSON string or an object), else undefined. */
function statusMessage(body: unknown): string | undefined {
  let parsed: unknown = body;
  if (typeof body === 'string') {
    if (body.trim() === '') return undefined;
    try {
      parsed = JSON.parse(body);
    } catch {
      // Not a Status object (a proxy's HTML page, a plain-text kubelet error): show it as is.
      return body.slice(0, 500);
    }
  }
  if (parsed !== null && typeof parsed === 'object') {
    const m = (parsed as { message?: unknown }).message;
    if (typeof m === 'string' && m !== '') return m;
  }
  return undefined;
}

function statusReason(body: unknown): string | undefined {
  if (typeof body !== 'string') return undefined;
  try {
    const r = (JSON.parse(body) as { reason?: unknown }).reason;
    return typeof r === 'string' ? r : undefined;
  } catch {
    return undefined;
  }
}

export function classifyError(err: unknown): { reason: ReadFailure['reason']; detail: string } {
  if (err instanceof DeadlineExceeded) return { reason: 'timeout', detail: err.message };
  if (err instanceof k8s.ApiException) {
    const e = err as k8s.ApiException<unknown>;
    const message = statusMessage(e.body);
    const detail = message ?? `HTTP ${e.code}`;
    if (e.code === 403) return { reason: 'forbidden', detail };
    if (e.code === 404) return { reason: 'not-found', detail };
    // Past the two the API words well, the status code leads: "HTTP 503: the server is currently unable …".
    const coded = message === undefined ? detail : `HTTP ${e.code}: ${message}`;
    // 504 with reason Timeout: the API server gave up on etcd or the kubelet.
    if (e.code === 504 || statusReason(e.body) === 'Timeout') return { reason: 'timeout', detail: coded };
    if (e.code === 401) return { reason: 'forbidden', detail: 'Unauthorized: the API server rejected the credentials' };
    return { reason: 'error', detail: coded };
  }
  if (err instanceof Error) {
    // node-fetch: AbortError when the deadline aborted the socket, FetchError for network trouble.
    if (err.name === 'AbortError') return { reason: 'timeout', detail: 'request aborted at the triage deadline' };
    const code = (err as { code?: unknown }).code;
    if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') return { reason: 'timeout', detail: err.message };
    return { reason: 'error', detail: err.message };
  }
  return { reason: 'error', detail: String(err) };
}


/** True when the API answered 404 (the object is not there), as opposed to any other failure. */
export function isNotFound(err: unknown): boolean {
  return err instanceof k8s.ApiException && (err as k8s.ApiException<unknown>).code === 404;
}

/**
 * Many failures of one kind of per-object read (events of 40 pods) become one line per reason,
 * so a 403 on events does not bury the report under forty identical entries.
 */
export function collapseFailures(failures: readonly ReadFailure[], label: string, total: number): ReadFailure[] {
  if (failures.length <= 2) return [...failures];
  const byReason = new Map<ReadFailure['reason'], ReadFailure[]>();
  for (const f of failures) byReason.set(f.reason, [...(byReason.get(f.reason) ?? []), f]);
  const out: ReadFailure[] = [];
  for (const [reason, group] of byReason) {
    const first = group[0] as ReadFailure;
    if (group.length === 1) {
      out.push(first);
      continue;
    }
    out.push({ what: `${label} (${group.length} of ${total})`, source: first.source, reason, detail: first.detail });
  }
  return out;
}
