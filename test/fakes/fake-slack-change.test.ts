/** FakeSlack.onChange: a live view (the demo page) hears of every change to the workspace. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlack } from '../../src/demo/fakes/fake-slack.js';

let slack: FakeSlack;
beforeEach(async () => {
  slack = await FakeSlack.start();
});
afterEach(async () => {
  await slack.close();
});

describe('FakeSlack.onChange', () => {
  it('is called after a Web API call has changed the state, and after addMessage; not after unsubscribing', async () => {
    const channel = slack.addChannel('general');
    const seen: number[] = [];
    const unsubscribe = slack.onChange(() => seen.push(slack.messages(channel.id).length));
    const res = await fetch(`${slack.url}chat.postMessage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer xoxb-test' },
      body: JSON.stringify({ channel: channel.id, text: 'hello' }),
    });
    expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
    expect(seen).toEqual([1]);
    slack.addMessage(channel.id, { user: 'U1', text: 'hi' });
    expect(seen).toEqual([1, 2]);
    unsubscribe();
    slack.addMessage(channel.id, { user: 'U1', text: 'again' });
    expect(seen).toEqual([1, 2]);
  });
});
