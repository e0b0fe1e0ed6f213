/**
 * postExactlyOnce through the in-memory ledger and chat, for what post-exactly-once.test.ts (Redis
 * ledger) does not show: Slack's answer lost after it posted, in a channel and in a thread.
 */
import { describe, expect, it } from 'vitest';
import { postExactlyOnce } from '../../src/domain/post-exactly-once.js';
import { FixedClock } from '../support/fixed-clock.js';
import { MemoryChat } from '../support/memory-chat.js';
import { MemoryPostLedger } from '../support/memory-post-ledger.js';

const message = { key: 'inc-1/card', kind: 'text' as const, text: 'The card' };

function world() {
  const chat = new MemoryChat();
  const channel = chat.addChannel('inc-1').id;
  return { chat, ledger: new MemoryPostLedger(), clock: new FixedClock('2026-11-21T10:00:00Z'), channel };
}

describe('postExactlyOnce', () => {
  it('finds the message on the retry when Slack posted it but the answer was lost', async () => {
    const { chat, ledger, clock, channel } = world();
    chat.failNext('post', { afterActing: true });
    await expect(postExactlyOnce({ chat, ledger, clock }, channel, message)).rejects.toMatchObject({ retryable: true });
    const ts = await postExactlyOnce({ chat, ledger, clock }, channel, message);
    expect(chat.messages(channel).map((m) => m.ts)).toEqual([ts]);
  });

  it('finds a reply in its thread', async () => {
    const { chat, ledger, clock, channel } = world();
    const parent = await chat.post(channel, { key: 'inc-1/triage', kind: 'text', text: 'Triage' });
    const reply = { key: 'inc-1/triage/evidence', kind: 'text' as const, text: 'Evidence' };
    chat.failNext('post', { afterActing: true });
    await expect(postExactlyOnce({ chat, ledger, clock }, channel, reply, { threadTs: parent })).rejects.toThrow();
    await postExactlyOnce({ chat, ledger, clock }, channel, reply, { threadTs: parent });
    expect(chat.texts(channel, parent)).toEqual(['Evidence']);
  });
});
