/**
 * The Web client's retry policy: it waits out 429s and nothing else. Slack refuses a
 * rate-limited call before acting, so repeating it repeats nothing; a timeout or a 5xx may come
 * after the message or channel was created, and repeating that call would create it twice. Those
 * failures go to the job queue instead, whose retry first looks for the effect (a post's key in
 * its metadata, a channel by name) and only then acts. One retry policy: the queue's.
 */

/** The WebClient throws this after waiting out a 429's Retry-After, to ask for another attempt. */
const RATE_LIMIT_RETRY = /^A rate limit was exceeded/;

export const SLACK_RETRY_POLICY = {
  /** Consecutive 429s waited out before the call gives up to the queue. */
  retries: 5,
  // The wait is the Retry-After the client already slept; no backoff on top of it.
  factor: 1,
  minTimeout: 0,
  maxTimeout: 0,
  onFailedAttempt(error: Error): void {
    // Throwing ends the retries and rejects with this error: the call's own failure.
    if (!RATE_LIMIT_RETRY.test(error.message)) throw error;
  },
};
