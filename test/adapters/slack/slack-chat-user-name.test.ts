/** SlackChat.userName against the Slack fake through the real WebClient: users.info's real name, else its display name. */
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackChat } from '../../../src/adapters/slack/slack-chat.js';
import { FakeSlack } from '../../../src/demo/fakes/fake-slack.js';

let slack: FakeSlack;
let chat: SlackChat;

beforeAll(async () => {
  slack = await FakeSlack.start();
  slack.addUser({ id: 'U0ALICE', name: 'Alice Adams' });
  chat = new SlackChat(new WebClient('xoxb-test', { slackApiUrl: slack.url, retryConfig: { retries: 0 } }));
});
afterAll(async () => {
  await slack.close();
});

describe('SlackChat.userName', () => {
  it('answers the name users.info gives, and fails like any Slack call for an unknown user', async () => {
    await expect(chat.userName('U0ALICE')).resolves.toBe('Alice Adams');
    expect(slack.callsTo('users.info')).toEqual([{ user: 'U0ALICE' }]);
    await expect(chat.userName('U0NOBODY')).rejects.toThrow();
  });
});
