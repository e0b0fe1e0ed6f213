// Failures the Slack fake injects on request: HTTP errors (429 with Retry-After, 5xx) and
// `{ok:false}` answers such as missing_scope, queued per method.
import type { ServerResponse } from 'node:http';
import { sendJson, sendText } from './http-util.js';

export interface SlackFailure {
  /** Answer this HTTP status instead (429 always carries Retry-After). */
  status?: number;
  /** Retry-After seconds; default 1 for a 429. */
  retryAfterSec?: number;
  /** Answer 200 `{ok:false,error}` with this error, e.g. 'missing_scope'. */
  error?: string;
  /** Scope named in `needed` for missing_scope; default: the scope the method needs. */
  needed?: string;
  /** How many calls fail; default 1. */
  times?: number;
  /**
   * Do what the call asks first, then answer with the failure: Slack timed out or answered 5xx
   * after the message or channel was created (it happens). The effect is there; the caller does
   * not know it.
   */
  afterActing?: true;
}

// The scope a missing_scope answer names, so injected errors look like the real thing.
const SCOPE_BY_PREFIX: Array<[string, string]> = [
  ['conversations.history', 'channels:history'],
  ['conversations.replies', 'channels:history'],
  ['conversations.join', 'channels:join'],
  ['conversations.open', 'im:write'],
  ['conversations.info', 'channels:read'],
  ['conversations.list', 'channels:read'],
  ['conversations.', 'channels:manage'],
  ['chat.', 'chat:write'],
  ['users.lookupByEmail', 'users:read.email'],
  ['users.', 'users:read'],
  ['files.', 'files:write'],
  ['pins.', 'pins:write'],
  ['reactions.', 'reactions:write'],
];

/** Failures waiting for their method ('upload' and 'response_url' included), oldest first. */
export class FailureQueue {
  private readonly failures = new Map<string, Array<{ failure: SlackFailure; remaining: number }>>();

  add(method: string, failure: SlackFailure): void {
    if (failure.status === undefined && failure.error === undefined) {
      throw new Error('failNext needs a status or an error');
    }
    const queue = this.failures.get(method) ?? [];
    queue.push({ failure, remaining: failure.times ?? 1 });
    this.failures.set(method, queue);
  }

  /** The failure this call of `method` gets, if any (and one fewer to come). */
  take(method: string): SlackFailure | undefined {
    const queue = this.failures.get(method);
    const head = queue?.[0];
    if (!queue || !head) return undefined;
    head.remaining -= 1;
    if (head.remaining <= 0) queue.shift();
    return head.failure;
  }
}

export function answerFailure(res: ServerResponse, method: string, failure: SlackFailure): void {
  if (failure.status !== undefined) {
    const headers: Record<string, string> = {};
    const retryAfter = failure.retryAfterSec ?? (failure.status === 429 ? 1 : undefined);
    if (retryAfter !== undefined) headers['Retry-After'] = String(retryAfter);
    if (failure.status === 429) return sendJson(res, 429, { ok: false, error: 'ratelimited' }, headers);
    return sendText(res, failure.status, `injected HTTP ${failure.status}`, headers);
  }
  const error = failure.error ?? 'internal_error';
  const extra: Record<string, unknown> = {};
  if (error === 'missing_scope') {
    extra.needed = failure.needed ?? SCOPE_BY_PREFIX.find(([prefix]) => method.startsWith(prefix))?.[1] ?? 'chat:write';
    extra.provided = 'chat:write';
  }
  sendJson(res, 200, { ok: false, error, ...extra });
}
