// Drives FakeSlack through the real @slack/web-api WebClient, so the fake speaks the real wire format.
import { LogLevel, WebClient } from '@slack/web-api';
import type { Logger, WebClientOptions } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from '../../src/demo/fakes/fake-slack.js';

let fake: FakeSlack;
let slack: WebClient;

// The WebClient logs Slack's `[ERROR] …` response messages; the tests assert on them instead.
const quiet: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

function clientFor(token = 'xoxb-test', opts: WebClientOptions = {}): WebClient {
  return new WebClient(token, {
    slackApiUrl: fake.url,
    retryConfig: { retries: 0 },
    logger: quiet,
    ...opts,
  });
}

beforeAll(async () => {
  fake = await FakeSlack.start();
  slack = clientFor();
  fake.addUser({ id: 'U1', name: 'alice', email: 'alice@example.com' });
  fake.addUser({ id: 'U2', name: 'bob', email: 'bob@example.com', tz: 'Europe/Berlin' });
  fake.addUser({ id: 'U3', name: 'carol' });
});

afterAll(async () => {
  await fake.close();
});

describe('FakeSlack auth and routing', () => {
  it('answers auth.test with the bot identity', async () => {
    const res = await slack.auth.test();
    expect(res).toMatchObject({ ok: true, team_id: 'T0TEST', user_id: 'UBOT', bot_id: 'B0BOT' });
    expect(fake.url).toBe(`${fake.baseUrl}/api/`);
  });

  it('rejects a wrong token with invalid_auth', async () => {
    await expect(clientFor('xoxb-wrong').auth.test()).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
  });

  it('accepts the token as a form field too', async () => {
    const noHeader = new WebClient(undefined, { slackApiUrl: fake.url, retryConfig: { retries: 0 }, logger: quiet });
    const res = await noHeader.apiCall('auth.test', { token: 'xoxb-test' });
    expect(res.ok).toBe(true);
    await expect(noHeader.auth.test()).rejects.toMatchObject({ data: { error: 'not_authed' } });
  });

  it('answers unknown_method for methods it does not know', async () => {
    await expect(slack.apiCall('nope.nothing')).rejects.toMatchObject({ data: { error: 'unknown_method' } });
  });
});

describe('FakeSlack conversations', () => {
  it('creates a channel with the bot as creator and member, then refuses the name again', async () => {
    const res = await slack.conversations.create({ name: 'inc-20261121-1-db' });
    const id = res.channel?.id ?? '';
    expect(id).toMatch(/^C0/);
    const channel = fake.channelByName('inc-20261121-1-db');
    expect(channel?.id).toBe(id);
    expect(channel?.creator).toBe('UBOT');
    expect(channel?.members.has('UBOT')).toBe(true);
    await expect(slack.conversations.create({ name: 'inc-20261121-1-db' })).rejects.toMatchObject({
      data: { error: 'name_taken' },
    });
  });

  it('counts archived channels as taken and validates names', async () => {
    fake.addChannel('inc-old', { is_archived: true });
    await expect(slack.conversations.create({ name: 'inc-old' })).rejects.toMatchObject({ data: { error: 'name_taken' } });
    await expect(slack.conversations.create({ name: 'Inc Upper' })).rejects.toMatchObject({
      data: { error: 'invalid_name_specials' },
    });
    await expect(slack.conversations.create({ name: 'a'.repeat(81) })).rejects.toMatchObject({
      data: { error: 'invalid_name_maxlength' },
    });
    const res = await slack.conversations.create({ name: 'b'.repeat(80), is_private: true });
    expect(res.channel?.is_private).toBe(true);
  });

  it('sets topic and purpose', async () => {
    const channel = fake.addChannel('topic-test');
    const res = await slack.conversations.setTopic({ channel: channel.id, topic: 'SEV2 | https://pd/inc/1' });
    expect(res.channel?.topic?.value).toBe('SEV2 | https://pd/inc/1');
    await slack.conversations.setPurpose({ channel: channel.id, purpose: 'Incident P1' });
    expect(fake.channels.get(channel.id)).toMatchObject({ topic: 'SEV2 | https://pd/inc/1', purpose: 'Incident P1' });
    await expect(slack.conversations.setTopic({ channel: channel.id, topic: 'x'.repeat(251) })).rejects.toMatchObject({
      data: { error: 'too_long' },
    });
  });

  it('invites, refuses members already in the channel unless forced', async () => {
    const channel = fake.addChannel('invite-test');
    await slack.conversations.invite({ channel: channel.id, users: 'U1' });
    expect([...channel.members].sort()).toEqual(['U1', 'UBOT']);

    const err: unknown = await slack.conversations.invite({ channel: channel.id, users: 'U1,U2' }).catch((e: unknown) => e);
    expect(err).toMatchObject({
      data: { ok: false, error: 'already_in_channel', errors: [{ user: 'U1', ok: false, error: 'already_in_channel' }] },
    });
    expect(channel.members.has('U2')).toBe(false);

    const forced: unknown = await slack.conversations
      .invite({ channel: channel.id, users: 'U1,U2', force: true })
      .catch((e: unknown) => e);
    expect(forced).toMatchObject({ data: { errors: [{ user: 'U1', error: 'already_in_channel' }] } });
    expect(channel.members.has('U2')).toBe(true);

    await expect(slack.conversations.invite({ channel: channel.id, users: 'U404' })).rejects.toMatchObject({
      data: { error: 'user_not_found' },
    });
  });

  it('refuses invites where the bot is not a member or the channel is archived', async () => {
    const outside = fake.addChannel('outside', { botIsMember: false });
    await expect(slack.conversations.invite({ channel: outside.id, users: 'U1' })).rejects.toMatchObject({
      data: { error: 'not_in_channel' },
    });
    const archived = fake.addChannel('archived-inv', { is_archived: true });
    await expect(slack.conversations.invite({ channel: archived.id, users: 'U1' })).rejects.toMatchObject({
      data: { error: 'is_archived' },
    });
    await slack.conversations.join({ channel: outside.id });
    expect(outside.members.has('UBOT')).toBe(true);
  });

  it('reports info and lists channels with cursor pagination', async () => {
    const info = await slack.conversations.info({ channel: fake.addChannel('info-test').id });
    expect(info.channel).toMatchObject({ name: 'info-test', is_archived: false, is_member: true });

    const names: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await slack.conversations.list({ limit: 2, exclude_archived: true, ...(cursor ? { cursor } : {}) });
      names.push(...(page.channels ?? []).map((c) => c.name ?? ''));
      cursor = page.response_metadata?.next_cursor || undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBeGreaterThan(1);
    const expected = [...fake.channels.values()].filter((c) => !c.is_archived && !c.is_private).map((c) => c.name);
    expect(names).toEqual(expected);
    expect(names).not.toContain('inc-old');
  });

  it('returns history newest first, metadata only on request, threads through replies', async () => {
    const channel = fake.addChannel('history-test');
    const metadata = { event_type: 'incident_card', event_payload: { incident_id: 'PFQZPSY' } };
    const card = await slack.chat.postMessage({ channel: channel.id, text: 'card', metadata });
    await slack.chat.postMessage({ channel: channel.id, text: 'reply', thread_ts: card.ts ?? '' });
    await slack.chat.postMessage({ channel: channel.id, text: 'second' });

    const plain = await slack.conversations.history({ channel: channel.id });
    expect(plain.messages?.map((m) => m.text)).toEqual(['second', 'card']);
    expect(plain.messages?.[1]).not.toHaveProperty('metadata');
    expect(plain.messages?.[1]).toMatchObject({ reply_count: 1, thread_ts: card.ts });

    const withMeta = await slack.conversations.history({ channel: channel.id, include_all_metadata: true });
    expect(withMeta.messages?.[1]?.metadata).toEqual(metadata);

    const firstPage = await slack.conversations.history({ channel: channel.id, limit: 1 });
    expect(firstPage.has_more).toBe(true);
    const secondPage = await slack.conversations.history({
      channel: channel.id,
      limit: 1,
      cursor: firstPage.response_metadata?.next_cursor ?? '',
    });
    expect(secondPage.messages?.map((m) => m.text)).toEqual(['card']);

    const thread = await slack.conversations.replies({ channel: channel.id, ts: card.ts ?? '' });
    expect(thread.messages?.map((m) => m.text)).toEqual(['card', 'reply']);
    expect(fake.messages(channel.id).map((m) => m.text)).toEqual(['card', 'reply', 'second']);
  });

  it('refuses history of a public channel the bot is not in', async () => {
    const channel = fake.addChannel('not-member', { botIsMember: false });
    await expect(slack.conversations.history({ channel: channel.id })).rejects.toMatchObject({
      data: { error: 'not_in_channel' },
    });
  });
});

describe('FakeSlack chat', () => {
  it('issues strictly increasing ts strings', async () => {
    const channel = fake.addChannel('ts-test');
    const ts: string[] = [];
    for (let i = 0; i < 5; i += 1) ts.push((await slack.chat.postMessage({ channel: channel.id, text: `m${i}` })).ts ?? '');
    for (const value of ts) expect(value).toMatch(/^\d{10}\.\d{6}$/);
    for (let i = 1; i < ts.length; i += 1) expect(Number(ts[i]?.replace('.', ''))).toBeGreaterThan(Number(ts[i - 1]?.replace('.', '')));
  });

  it('enforces Block Kit limits and requires text or blocks', async () => {
    const channel = fake.addChannel('limits-test');
    const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
    const tooMany = Array.from({ length: 51 }, () => section('x'));
    await expect(slack.chat.postMessage({ channel: channel.id, text: 't', blocks: tooMany })).rejects.toMatchObject({
      data: { error: 'invalid_blocks' },
    });
    await expect(
      slack.chat.postMessage({ channel: channel.id, text: 't', blocks: [section('y'.repeat(3001))] }),
    ).rejects.toMatchObject({ data: { error: 'invalid_blocks' } });
    const button = { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'z'.repeat(76) } }] };
    await expect(slack.chat.postMessage({ channel: channel.id, text: 't', blocks: [button] })).rejects.toMatchObject({
      data: { error: 'invalid_blocks' },
    });
    await expect(slack.apiCall('chat.postMessage', { channel: channel.id })).rejects.toMatchObject({
      data: { error: 'no_text' },
    });
    const fifty = Array.from({ length: 50 }, () => section('y'.repeat(3000)));
    const ok = await slack.chat.postMessage({ channel: channel.id, text: 'fits', blocks: fifty });
    expect(ok.ok).toBe(true);
    expect(fake.messages(channel.id)).toHaveLength(1);
    expect(fake.messages(channel.id)[0]?.blocks).toHaveLength(50);
  });

  it('accepts JSON bodies and reports malformed JSON form fields', async () => {
    const channel = fake.addChannel('json-test');
    const res = await fetch(`${fake.url}chat.postMessage`, {
      method: 'POST',
      headers: { Authorization: 'Bearer xoxb-test', 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ channel: channel.id, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }] }),
    });
    expect(await res.json()).toMatchObject({ ok: true, channel: channel.id });
    expect(fake.messages(channel.id)[0]?.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }]);
    const form = await fetch(`${fake.url}chat.postMessage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: 'xoxb-test', channel: channel.id, blocks: '[{"type":' }).toString(),
    });
    expect(form.status).toBe(200);
    expect(await form.json()).toEqual({ ok: false, error: 'invalid_blocks_format' });
  });

  it('refuses unknown and archived channels', async () => {
    await expect(slack.chat.postMessage({ channel: 'C0NOPE', text: 'x' })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
    const archived = fake.addChannel('archived-post', { is_archived: true });
    await expect(slack.chat.postMessage({ channel: archived.id, text: 'x' })).rejects.toMatchObject({
      data: { error: 'is_archived' },
    });
  });

  it('posts to a user id as a DM with a stable channel', async () => {
    const res = await slack.chat.postMessage({ channel: 'U2', text: 'your action item is due' });
    expect(res.channel).toMatch(/^D0/);
    const opened = await slack.conversations.open({ users: 'U2' });
    expect(opened.channel?.id).toBe(res.channel);
    expect(fake.dms('U2').map((m) => m.text)).toEqual(['your action item is due']);
  });

  it('updates, deletes, links and posts ephemeral messages', async () => {
    const channel = fake.addChannel('edit-test', { members: ['U1'] });
    const posted = await slack.chat.postMessage({ channel: channel.id, text: 'v1' });
    const ts = posted.ts ?? '';
    const updated = await slack.chat.update({ channel: channel.id, ts, text: 'v2' });
    expect(updated.text).toBe('v2');
    expect(fake.messages(channel.id)[0]).toMatchObject({ text: 'v2', edited: { user: 'UBOT' } });
    await expect(slack.chat.update({ channel: channel.id, ts: '1.000001', text: 'x' })).rejects.toMatchObject({
      data: { error: 'message_not_found' },
    });

    const link = await slack.chat.getPermalink({ channel: channel.id, message_ts: ts });
    expect(link.permalink).toBe(`${fake.baseUrl}/archives/${channel.id}/p${ts.replace('.', '')}`);

    const eph = await slack.chat.postEphemeral({ channel: channel.id, user: 'U1', text: 'only you' });
    expect(eph.message_ts).toBeTruthy();
    expect(fake.messages(channel.id).find((m) => m.ephemeral)).toMatchObject({ user: 'U1', text: 'only you' });
    const history = await slack.conversations.history({ channel: channel.id });
    expect(history.messages?.map((m) => m.text)).toEqual(['v2']);

    await slack.chat.delete({ channel: channel.id, ts });
    expect(fake.messages(channel.id).filter((m) => !m.ephemeral)).toHaveLength(0);
  });

  it('records pins and reactions', async () => {
    const channel = fake.addChannel('pin-test');
    const ts = (await slack.chat.postMessage({ channel: channel.id, text: 'decision' })).ts ?? '';
    await slack.pins.add({ channel: channel.id, timestamp: ts });
    await slack.reactions.add({ channel: channel.id, timestamp: ts, name: 'pushpin' });
    expect(fake.messages(channel.id)[0]).toMatchObject({ pinned: true, reactions: ['pushpin'] });
    await expect(slack.pins.add({ channel: channel.id, timestamp: ts })).rejects.toMatchObject({
      data: { error: 'already_pinned' },
    });
  });
});

describe('FakeSlack users', () => {
  it('looks users up by e-mail and id with time zone', async () => {
    const found = await slack.users.lookupByEmail({ email: 'bob@example.com' });
    expect(found.user).toMatchObject({ id: 'U2', tz: 'Europe/Berlin', profile: { email: 'bob@example.com' } });
    expect([3600, 7200]).toContain(found.user?.tz_offset);
    const info = await slack.users.info({ user: 'U1' });
    expect(info.user).toMatchObject({ tz: 'America/New_York', real_name: 'alice' });
    expect([-18000, -14400]).toContain(info.user?.tz_offset);
    await expect(slack.users.lookupByEmail({ email: 'nobody@example.com' })).rejects.toMatchObject({
      data: { error: 'users_not_found' },
    });
  });
});

describe('FakeSlack failure injection', () => {
  it('answers 429 with Retry-After, which the WebClient waits out before retrying', async () => {
    const channel = fake.addChannel('ratelimit-test');
    const patient = clientFor('xoxb-test', { retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 } });
    fake.failNext('chat.postMessage', { status: 429, retryAfterSec: 1 });
    const started = Date.now();
    const res = await patient.chat.postMessage({ channel: channel.id, text: 'after the wait' });
    expect(res.ok).toBe(true);
    // A lower bound only: a busy machine makes it later, never earlier.
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    const attempts = fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === channel.id);
    expect(attempts.map((c) => c.failed ?? false)).toEqual([true, false]);
    expect(fake.messages(channel.id)).toHaveLength(1);
  });

  it('answers an injected 500 as an HTTP error, then recovers', async () => {
    fake.failNext('conversations.create', { status: 500 });
    await expect(slack.conversations.create({ name: 'will-fail' })).rejects.toMatchObject({
      code: 'slack_webapi_http_error',
      statusCode: 500,
    });
    expect(fake.channelByName('will-fail')).toBeUndefined();
    const res = await slack.conversations.create({ name: 'will-fail' });
    expect(res.ok).toBe(true);
  });

  it('answers missing_scope with the needed scope, as many times as asked', async () => {
    fake.failNext('conversations.invite', { error: 'missing_scope', times: 2 });
    const channel = fake.addChannel('scope-test');
    for (let i = 0; i < 2; i += 1) {
      await expect(slack.conversations.invite({ channel: channel.id, users: 'U3' })).rejects.toMatchObject({
        data: { error: 'missing_scope', needed: 'channels:manage' },
      });
    }
    await slack.conversations.invite({ channel: channel.id, users: 'U3' });
    expect(channel.members.has('U3')).toBe(true);
    expect(fake.callsTo('conversations.invite').at(-1)).toMatchObject({ channel: channel.id, users: 'U3' });
  });

  it('delays every answer by latencyMs', async () => {
    fake.latencyMs = 150;
    try {
      const started = Date.now();
      await slack.auth.test();
      // A lower bound only, as above.
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    } finally {
      fake.latencyMs = 0;
    }
  });

  it('hold() leaves every call unanswered until released', async () => {
    const before = fake.calls.length;
    const release = fake.hold();
    let answered = false;
    const call = slack.auth.test().finally(() => (answered = true));
    const posted = fetch(fake.responseUrl('held'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"text":"x"}' });
    await fake.waitFor(() => fake.heldRequests === 2);
    expect(answered).toBe(false);
    expect(fake.calls).toHaveLength(before);
    release();
    expect((await call).ok).toBe(true);
    expect((await posted).status).toBe(200);
    expect(fake.calls.slice(before).map((c) => c.method).sort()).toEqual(['auth.test', 'response_url']);
  });

  it('waitFor resolves with the value and times out with the recent calls', async () => {
    const before = fake.callsTo('auth.test').length;
    setTimeout(() => void slack.auth.test(), 30);
    await fake.waitFor(() => fake.callsTo('auth.test').length > before);
    const call = await fake.waitFor(() => fake.calls.findLast((c) => c.method === 'auth.test'));
    expect(call.method).toBe('auth.test');
    await expect(fake.waitFor(() => false, 50)).rejects.toThrow(/timed out after 50 ms; last calls: .*auth\.test/);
  });
});

describe('FakeSlack files and response URLs', () => {
  it('supports files.uploadV2 end to end', async () => {
    const channel = fake.addChannel('files-test');
    const res = await slack.files.uploadV2({
      channel_id: channel.id,
      content: 'container OOMKilled\nexit code 137',
      filename: 'previous-logs.txt',
      title: 'Previous logs',
      initial_comment: 'logs attached',
    });
    expect(res.ok).toBe(true);
    const uploaded = fake.uploadedFiles().find((f) => f.channel === channel.id);
    expect(uploaded).toMatchObject({ title: 'Previous logs', content: 'container OOMKilled\nexit code 137' });
    expect(fake.messages(channel.id)[0]).toMatchObject({ text: 'logs attached', files: [{ id: uploaded?.id }] });
    expect(fake.calls.map((c) => c.method)).toEqual(
      expect.arrayContaining(['files.getUploadURLExternal', 'upload', 'files.completeUploadExternal']),
    );
  });

  it('records response_url posts and stops after five', async () => {
    const url = fake.responseUrl('cmd-1');
    expect(url).toBe(`${fake.baseUrl}/response/cmd-1`);
    const post = (body: unknown) =>
      fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const first = await post({ response_type: 'ephemeral', text: 'Usage: /incident sev <1-5>' });
    expect(first.status).toBe(200);
    expect(fake.responses('cmd-1')).toEqual([{ response_type: 'ephemeral', text: 'Usage: /incident sev <1-5>' }]);
    for (let i = 0; i < 4; i += 1) expect((await post({ text: `n${i}` })).status).toBe(200);
    expect((await post({ text: 'one too many' })).status).toBe(404);
    expect(fake.responses('cmd-1')).toHaveLength(5);
    expect(fake.responses('other')).toEqual([]);
  });
});
