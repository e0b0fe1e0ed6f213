/**
 * Chat over Slack's Web API. Every call goes through `call`, which counts it for
 * /metrics and turns Slack's failures into coded errors: 5xx, network errors and
 * Slack's own hiccups are retryable; `ok:false` answers such as missing_scope or
 * is_archived are permanent. 429s are waited out by the WebClient (Retry-After).
 */
import { webApi } from '@slack/bolt';
import type { Inline } from '../../domain/document.js';
import type { ChatMessage } from '../../domain/chat-message.js';
import type { Chat, ChatChannel, InviteResult } from '../../domain/ports.js';
import { dependencyRejected, dependencyUnavailable } from '../../errors.js';
import { timesAsUtc } from '../../domain/time-ref.js';
import { truncate } from '../../domain/text.js';
import { mrkdwnWithDates, withSlackDates } from './slack-dates.js';
import { readSlackText } from './slack-text.js';
import { incidentCardBlocks, incidentCardText } from './incident-card-blocks.js';
import { reminderBlocks, reminderText } from './reminder-blocks.js';
import { documentBlocks, documentText, mrkdwn, textMessage } from './render-document.js';
import { triageProgressBlocks, triageProgressText, triageSummaryBlocks, triageSummaryText } from './triage-blocks.js';

type WebClient = InstanceType<typeof webApi.WebClient>;
type Answer = Record<string, unknown> & { ok?: boolean };

const RETRYABLE_SLACK_ERRORS = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'ratelimited']);
/** Message metadata event type that marks the bot's own posts with their idempotency key. */
const MESSAGE_METADATA_TYPE = 'rootcause_message';
const HISTORY_SEARCHED = 200;
const CHANNEL_PAGES_SEARCHED = 20;

export interface BotIdentity {
  userId: string;
  botId: string;
  url: string;
  /** The workspace's name and the bot user's name, for the start-up log. */
  team: string;
  userName: string;
}

export interface SlackChatOptions {
  onCall?: (method: string, outcome: string) => void;
}

export class SlackChat implements Chat<ChatMessage> {
  private identity: Promise<BotIdentity> | undefined;

  constructor(
    private readonly client: WebClient,
    private readonly opts: SlackChatOptions = {},
  ) {}

  async call(method: string, args: Record<string, unknown>): Promise<Answer> {
    try {
      // Times people read are drawn in each reader's own zone (slack-dates.ts).
      const answer = (await this.client.apiCall(method, method.startsWith('chat.') ? withSlackDates(args) : args)) as Answer;
      this.opts.onCall?.(method, 'ok');
      return answer;
    } catch (err) {
      throw this.translate(method, err);
    }
  }

  async createChannel(name: string): Promise<{ created: ChatChannel } | { taken: true }> {
    try {
      const answer = await this.call('conversations.create', { name, is_private: false });
      const channel = answer.channel as { id: string; name: string };
      return { created: { id: channel.id, name: channel.name } };
    } catch (err) {
      if (slackError(err) === 'name_taken') return { taken: true };
      throw err;
    }
  }

  async findChannelByName(name: string): Promise<(ChatChannel & { createdByBot: boolean }) | undefined> {
    const { userId } = await this.whoAmI();
    let cursor: string | undefined;
    for (let page = 0; page < CHANNEL_PAGES_SEARCHED; page++) {
      const answer = await this.call('conversations.list', { types: 'public_channel', exclude_archived: true, limit: 1000, cursor });
      const channels = (answer.channels ?? []) as { id: string; name: string; creator?: string }[];
      const found = channels.find((c) => c.name === name);
      if (found) return { id: found.id, name: found.name, createdByBot: found.creator === userId };
      cursor = (answer.response_metadata as { next_cursor?: string } | undefined)?.next_cursor || undefined;
      if (cursor === undefined) return undefined;
    }
    return undefined;
  }

  async setTopic(channelId: string, topic: string): Promise<void> {
    await this.call('conversations.setTopic', { channel: channelId, topic });
  }

  async inviteUsers(channelId: string, userIds: string[]): Promise<InviteResult> {
    const result: InviteResult = { invited: [], alreadyIn: [], failed: [] };
    const { userId: self } = await this.whoAmI();
    const others = [...new Set(userIds)].filter((id) => id !== self);
    // One by one: a batch fails whole on the first user already in the channel.
    for (const user of others) {
      try {
        await this.call('conversations.invite', { channel: channelId, users: user });
        result.invited.push(user);
      } catch (err) {
        const code = slackError(err);
        if (code === 'already_in_channel') result.alreadyIn.push(user);
        else if (code !== undefined && PER_USER_INVITE_ERRORS.has(code)) result.failed.push({ userId: user, reason: code.replaceAll('_', ' ') });
        else throw err;
      }
    }
    return result;
  }

  async findUserIdByEmail(email: string): Promise<string | undefined> {
    try {
      const answer = await this.call('users.lookupByEmail', { email });
      return (answer.user as { id?: string } | undefined)?.id;
    } catch (err) {
      if (slackError(err) === 'users_not_found') return undefined;
      throw err;
    }
  }

  async post(channel: string, message: ChatMessage, opts: { threadTs?: string | undefined } = {}): Promise<string> {
    const args = { channel, thread_ts: opts.threadTs, ...render(message), metadata: { event_type: MESSAGE_METADATA_TYPE, event_payload: { key: message.key } } };
    try {
      return (await this.call('chat.postMessage', args)).ts as string;
    } catch (err) {
      // A public channel we were never added to (the announce channel): join it, then post.
      if (slackError(err) !== 'not_in_channel' || !channel.startsWith('C')) throw err;
      await this.call('conversations.join', { channel });
      return (await this.call('chat.postMessage', args)).ts as string;
    }
  }

  async update(channel: string, ts: string, message: ChatMessage): Promise<void> {
    await this.call('chat.update', { channel, ts, ...render(message) });
  }

  async findPostedMessage(channel: string, key: string, threadTs?: string): Promise<string | undefined> {
    // A user id stands for the DM with that user.
    if (/^[UW]/.test(channel)) channel = await this.directChannel(channel);
    const answer =
      threadTs === undefined
        ? await this.call('conversations.history', { channel, limit: HISTORY_SEARCHED, include_all_metadata: true })
        : await this.call('conversations.replies', { channel, ts: threadTs, limit: HISTORY_SEARCHED, include_all_metadata: true });
    const messages = (answer.messages ?? []) as { ts: string; metadata?: { event_type?: string; event_payload?: { key?: string } } }[];
    return messages.find((m) => m.metadata?.event_type === MESSAGE_METADATA_TYPE && m.metadata.event_payload?.key === key)?.ts;
  }

  async channelUrl(channelId: string): Promise<string> {
    const { url } = await this.whoAmI();
    return `${url.endsWith('/') ? url : `${url}/`}archives/${channelId}`;
  }

  async respond(responseUrl: string, text: Inline): Promise<void> {
    let response: Response;
    try {
      response = await fetch(responseUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text: mrkdwnWithDates(mrkdwn(text)) }),
        signal: AbortSignal.timeout(5000),
      });
    } catch (err) {
      this.opts.onCall?.('response_url', 'network_error');
      throw dependencyUnavailable('Slack', `response_url: ${(err as Error).message}`, err);
    }
    this.opts.onCall?.('response_url', response.ok ? 'ok' : `http_${response.status}`);
    // A used-up or expired response_url (5 posts, 30 minutes) will not work later either.
    if (response.status >= 500) throw dependencyUnavailable('Slack', `response_url answered ${response.status}`);
    if (!response.ok) throw dependencyRejected('Slack', `response_url answered ${response.status}`);
  }

  async postEphemeral(channel: string, userId: string, message: ChatMessage): Promise<void> {
    await this.call('chat.postEphemeral', { channel, user: userId, ...render(message) });
  }

  async userName(userId: string): Promise<string | undefined> {
    const answer = await this.call('users.info', { user: userId });
    const user = answer.user as { real_name?: unknown; profile?: { display_name?: unknown; real_name?: unknown } } | undefined;
    const name = [user?.profile?.real_name, user?.real_name, user?.profile?.display_name].find((n): n is string => typeof n === 'string' && n.trim() !== '');
    return name?.trim();
  }

  async userTimeZone(userId: string): Promise<string | undefined> {
    const answer = await this.call('users.info', { user: userId });
    const tz = (answer.user as { tz?: unknown } | undefined)?.tz;
    return typeof tz === 'string' && tz !== '' ? tz : undefined;
  }

  async postDirect(userId: string, message: ChatMessage): Promise<string> {
    return this.post(await this.directChannel(userId), message);
  }

  private async directChannel(userId: string): Promise<string> {
    const opened = await this.call('conversations.open', { users: userId });
    return (opened.channel as { id?: string } | undefined)?.id ?? userId;
  }

  async uploadFile(channel: string, file: { filename: string; title: string; content: string }, opts: { threadTs?: string | undefined } = {}): Promise<void> {
    try {
      // A file is read outside Slack's formatting: its times are UTC.
      const where = opts.threadTs === undefined ? { channel_id: channel } : { channel_id: channel, thread_ts: opts.threadTs };
      await this.client.files.uploadV2({ ...where, filename: file.filename, title: timesAsUtc(file.title), content: timesAsUtc(file.content) });
      this.opts.onCall?.('files.uploadV2', 'ok');
    } catch (err) {
      throw this.translate('files.uploadV2', err);
    }
  }

  readText(text: string): { text: string; mentions: string[] } {
    return readSlackText(text);
  }

  async findSharedFile(channel: string, filename: string, opts: { threadTs?: string | undefined } = {}): Promise<boolean> {
    const answer =
      opts.threadTs === undefined
        ? await this.call('conversations.history', { channel, limit: HISTORY_SEARCHED })
        : await this.call('conversations.replies', { channel, ts: opts.threadTs, limit: HISTORY_SEARCHED });
    const messages = (answer.messages ?? []) as { files?: { name?: string }[] }[];
    return messages.some((m) => (m.files ?? []).some((f) => f.name === filename));
  }

  /** The bot's own ids and workspace URL, asked once (again after a failure). */
  whoAmI(): Promise<BotIdentity> {
    this.identity ??= this.call('auth.test', {}).then(
      (a) => ({
        userId: String(a.user_id ?? ''),
        botId: String(a.bot_id ?? ''),
        url: String(a.url ?? 'https://slack.com/'),
        team: String(a.team ?? ''),
        userName: String(a.user ?? ''),
      }),
      (err: unknown) => {
        this.identity = undefined;
        throw err;
      },
    );
    return this.identity;
  }

  private translate(method: string, err: unknown): Error {
    const e = err as { code?: string; data?: { error?: string; needed?: string }; statusCode?: number; message?: string };
    if (e.code === webApi.ErrorCode.PlatformError) {
      const code = e.data?.error ?? 'unknown_error';
      this.opts.onCall?.(method, code);
      const detail = `${method}: ${code}${e.data?.needed ? ` (the app needs the ${e.data.needed} scope)` : ''}`;
      const translated = RETRYABLE_SLACK_ERRORS.has(code) ? dependencyUnavailable('Slack', detail, err) : dependencyRejected('Slack', detail, err);
      return Object.assign(translated, { slackError: code });
    }
    if (e.code === webApi.ErrorCode.HTTPError) {
      this.opts.onCall?.(method, `http_${e.statusCode ?? 'error'}`);
      const status = e.statusCode ?? 0;
      const detail = `${method} answered HTTP ${status}`;
      return status === 429 || status >= 500 ? dependencyUnavailable('Slack', detail, err) : dependencyRejected('Slack', detail, err);
    }
    this.opts.onCall?.(method, 'network_error');
    return dependencyUnavailable('Slack', `${method}: ${e.message ?? String(err)}`, err);
  }
}

const PER_USER_INVITE_ERRORS = new Set([
  'user_not_found',
  'user_is_bot',
  'user_is_restricted',
  'user_is_ultra_restricted',
  'cant_invite',
  'cant_invite_self',
  'user_team_not_in_channel',
]);

function slackError(err: unknown): string | undefined {
  return (err as { slackError?: string }).slackError;
}

/** Slack truncates `text` past 40,000 characters and refuses some methods well before; 3,900 keeps every method happy. */
const MAX_TEXT = 3900;

function render(message: ChatMessage): { text: string; blocks?: unknown[] } {
  const rendered = renderUncut(message);
  return { ...rendered, text: truncate(rendered.text, MAX_TEXT) };
}

function renderUncut(message: ChatMessage): { text: string; blocks?: unknown[] } {
  switch (message.kind) {
    case 'incident-card':
      return { text: incidentCardText(message.incident), blocks: incidentCardBlocks(message.incident) };
    case 'triage-summary':
      return { text: triageSummaryText(message.report), blocks: triageSummaryBlocks(message.report) };
    case 'triage-progress':
      return { text: triageProgressText(message.progress), blocks: triageProgressBlocks(message.progress) };
    case 'document':
      return { text: documentText(message.document), blocks: documentBlocks(message.document) };
    case 'text':
      return textMessage(message.text);
    case 'action-reminder':
      return {
        text: reminderText(message.item, message.reminder, message.incidentTitle),
        blocks: reminderBlocks(message.item, message.reminder, message.incidentTitle, message.channelId),
      };
  }
}
