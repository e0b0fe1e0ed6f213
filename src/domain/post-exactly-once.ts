/**
 * Posting that retries and replicas do not repeat. The ledger claims each message key
 * atomically before the call and keeps the ts after. A worker that finds a claim:
 * - fresh (another worker is posting it right now): retries later;
 * - stale (that worker died between Slack's answer and the ledger write, or before
 *   posting): looks for the message by its key — every post carries it — and posts
 *   only if it is not there.
 */
import { RootcauseError } from '../errors.js';
import type { Chat, Clock, CommonMessage, KeyedMessage, PostLedger } from './ports.js';

/** What exactly-once posting of messages `M` uses: the chat, the ledger of claims, and the flow's clock for claim times. */
export interface PostingDeps<M extends KeyedMessage = CommonMessage> {
  chat: Pick<Chat<M>, 'post' | 'findPostedMessage'>;
  ledger: PostLedger;
  clock: Clock;
}

/**
 * When a claim counts as left behind. Every post runs inside a job (and an incident's inside its
 * lock), and a crashed worker's job is handed to another only after its lock ran out (10 s) and
 * a stalled check saw it (5 s): a claim older than that is a dead worker's, and waiting longer
 * only delays the recovery (at 60 s it added a minute to every post-mortem cut short by a
 * crash). A live worker still posting past it — held up by 429s — is covered too: the retry looks
 * for the message by its key before posting.
 */
export const POSTING_STALE_MS = 15_000;

export async function postExactlyOnce<M extends KeyedMessage>(
  deps: PostingDeps<M>,
  channel: string,
  message: M,
  opts: { threadTs?: string | undefined } = {},
  /** How to post; default: in `channel`. DMs pass `chat.postDirect`. */
  send: (message: M) => Promise<string> = (m) => deps.chat.post(channel, m, opts),
): Promise<string> {
  const { chat, ledger } = deps;
  const state = await ledger.read(message.key);
  if (state !== undefined && 'posted' in state) return state.posted;
  const claimedAt = deps.clock.now().getTime();
  if (state === undefined) {
    if (!(await ledger.claim(message.key, claimedAt))) throw busy(message.key);
  } else {
    if (claimedAt - state.postingSince < POSTING_STALE_MS) throw busy(message.key);
    const found = await chat.findPostedMessage(channel, message.key, opts.threadTs);
    if (found !== undefined) {
      await ledger.markPosted(message.key, found);
      return found;
    }
    if (!(await ledger.reclaim(message.key, state.postingSince, claimedAt))) throw busy(message.key);
  }
  let ts: string;
  try {
    ts = await send(message);
  } catch (err) {
    // Failed, or maybe posted without our hearing back: mark the claim stale at once, so the
    // retry looks for the message before posting instead of waiting for the claim to age.
    await ledger.reclaim(message.key, claimedAt, STALE).catch(() => undefined);
    throw err;
  }
  await ledger.markPosted(message.key, ts);
  return ts;
}

/** A claim time that is always stale. */
const STALE = 0;

function busy(key: string): RootcauseError {
  return new RootcauseError('INCIDENT_BUSY', `another worker is posting ${key}`, { retryable: true });
}

/**
 * A file shared once under `key`. A share carries no key, so its file name (unique per key) is
 * what a retry looks for: a share made before a crash or a lost answer is found in the channel
 * (or thread) instead of being made twice; one that was never made is made by the retry.
 */
export async function shareFileExactlyOnce(
  deps: { chat: Pick<Chat, 'uploadFile' | 'findSharedFile'>; ledger: PostLedger; clock: Clock },
  key: string,
  channel: string,
  file: { filename: string; title: string; content: string },
  opts: { threadTs?: string | undefined } = {},
): Promise<void> {
  const { chat, ledger } = deps;
  const where = opts.threadTs === undefined ? {} : { threadTs: opts.threadTs };
  const state = await ledger.read(key);
  if (state !== undefined && 'posted' in state) return;
  if (state !== undefined && (await chat.findSharedFile(channel, file.filename, where))) {
    await ledger.markPosted(key, 'shared');
    return;
  }
  if (state === undefined) await ledger.claim(key, deps.clock.now().getTime());
  await chat.uploadFile(channel, file, where);
  await ledger.markPosted(key, 'shared');
}
