/**
 * Redis closing a client whose output buffer outgrew client-output-buffer-limit: a Pub/Sub
 * subscriber that reads slower than the publishers write (bigger messages, more of them) piles up
 * replies in Redis until the hard limit, or the soft limit for its seconds, and Redis drops it
 * (`# Client id=… cmd=psubscribe … scheduled to be closed ASAP for overcoming of output buffer
 * limits.`). The client only sees its connection closed by the server and reconnects, at WARN;
 * what was published meanwhile is lost to it. Nothing crashes and no probe fails: only Redis's own
 * log says why. Pure: line patterns and the words of the finding.
 */
import type { ServerExplanation } from './server-explanation.js';

/**
 * A client saying the server closed (or reset) its connection and that it reconnects or
 * resubscribes: on its own an everyday event, counted only when the server's log explains it.
 */
export const CONNECTION_CLOSED_BY_SERVER =
  /\b(connection|socket) (was )?(closed|reset|dropped) by (the )?(server|remote|peer|redis)\b[^\n]*\b(reconnect|resubscrib)|\b(reconnect|resubscrib)\w*[^\n]*\b(connection|socket) (was )?(closed|reset|dropped) by (the )?(server|remote|peer|redis)\b/i;

/** Redis's own line for a client it drops over its output-buffer limit, with the command the client was in (subscribe, psubscribe, monitor). */
export const OUTPUT_BUFFER_CLOSED: ServerExplanation = {
  pattern: /\bClient id=\d+ [^\n]*?\bomem=(\d+)[^\n]*?\bcmd=(\w+)[^\n]*scheduled to be closed ASAP for overcoming of output buffer limits/,
  describe: (m) => ({
    said: `its own log says it closes them for overcoming their output buffer limit (cmd=${m[2] ?? '?'}${m[1] ? `, ${formatMb(Number(m[1]))} buffered` : ''})`,
  }),
};

/** The client's output buffer setting in redis.conf or on the command line. */
export const OUTPUT_BUFFER_SETTINGS = ['client-output-buffer-limit'] as const;

export const OUTPUT_BUFFER_REFUSES = "its subscribers' connections: their output buffer in Redis outgrows client-output-buffer-limit";

export const OUTPUT_BUFFER_WHY =
  'The subscribers read slower than the publishers write (bigger or more messages), so the replies waiting for them pile up in Redis until the client-output-buffer-limit of their class (pubsub: hard limit, or soft limit for its seconds), and Redis closes them. They reconnect and resubscribe, but what was published in between is lost to them; nothing crashes and no probe fails.';

export const OUTPUT_BUFFER_FIX =
  'make the messages smaller or fewer again (revert the publisher change that grew them), or let the subscribers read faster; raise client-output-buffer-limit pubsub on the Redis side (CONFIG SET, and in its config file) only as a stopgap, with memory to match';

function formatMb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes >= 10 * 1024 * 1024 ? 0 : 1)} MB`;
}
