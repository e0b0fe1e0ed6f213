/**
 * Posting that retries and replicas do not repeat. The ledger remembers each message
 * key: "posting" before the call, the ts after. A retry that finds "posting" (we died
 * between Slack's answer and the ledger write) looks for the message in the channel by
 * its key — every post carries it — before posting again.
 */
import type { Chat, ChatMessage, PostLedger } from './ports.js';

export async function postExactlyOnce(
  chat: Chat,
  ledger: PostLedger,
  channel: string,
  message: ChatMessage,
  opts: { threadTs?: string | undefined } = {},
  /** How to post; default: in `channel`. DMs pass `chat.postDirect`. */
  send: (message: ChatMessage) => Promise<string> = (m) => chat.post(channel, m, opts),
): Promise<string> {
  const state = await ledger.read(message.key);
  if (state !== undefined && state !== 'posting') return state;
  if (state === 'posting') {
    const found = await chat.findPostedMessage(channel, message.key, opts.threadTs);
    if (found !== undefined) {
      await ledger.markPosted(message.key, found);
      return found;
    }
  } else {
    await ledger.markPosting(message.key);
  }
  const ts = await send(message);
  await ledger.markPosted(message.key, ts);
  return ts;
}
