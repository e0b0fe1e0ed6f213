// Shared shapes and helpers for the Slack fake's method handlers.
import type { FakeChannel, SlackState } from './fake-slack-state.js';

export type SlackArgs = Record<string, unknown>;
export type SlackResult = { ok: boolean } & Record<string, unknown>;

export interface MethodContext {
  state: SlackState;
  /** http://127.0.0.1:PORT, no trailing slash. */
  baseUrl: string;
}

export type MethodHandler = (args: SlackArgs, ctx: MethodContext) => SlackResult;

export function fail(error: string, extra: Record<string, unknown> = {}): SlackResult {
  return { ok: false, error, ...extra };
}

/** Form values arrive as strings; JSON bodies may carry numbers. Both read as strings here. */
export function str(args: SlackArgs, key: string): string | undefined {
  const value = args[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function int(args: SlackArgs, key: string, fallback: number): number {
  const parsed = Number.parseInt(str(args, key) ?? '', 10);
  return Number.isNaN(parsed) ? fallback : parsed;
}

export type Conversation =
  | { kind: 'channel'; id: string; channel: FakeChannel }
  | { kind: 'dm'; id: string; user: string };

/** Resolves a channel id (C…/G…) or DM id (D…); undefined when Slack would say channel_not_found. */
export function findConversation(state: SlackState, id: string | undefined): Conversation | undefined {
  if (!id) return undefined;
  const channel = state.channels.get(id);
  if (channel) return { kind: 'channel', id, channel };
  const user = state.userByDm.get(id);
  if (user) return { kind: 'dm', id, user };
  return undefined;
}

/**
 * Resolves a conversation the bot wants to read or write. A private channel the bot is not in is
 * invisible (channel_not_found); a public one answers not_in_channel.
 */
export function accessibleConversation(
  state: SlackState,
  id: string | undefined,
  opts: { write?: boolean } = {},
): Conversation | SlackResult {
  const conversation = findConversation(state, id);
  if (!conversation) return fail('channel_not_found');
  if (conversation.kind === 'channel') {
    const { channel } = conversation;
    if (!channel.members.has(state.botUserId)) {
      return fail(channel.is_private ? 'channel_not_found' : 'not_in_channel');
    }
    if (opts.write && channel.is_archived) return fail('is_archived');
  }
  return conversation;
}

export function isFailure(value: Conversation | SlackResult): value is SlackResult {
  return 'ok' in value;
}

/** Orders Slack timestamps exactly (floats lose the microseconds). */
export function tsKey(ts: string): bigint {
  const [seconds = '0', fraction = ''] = ts.split('.');
  return BigInt(seconds) * 1_000_000n + BigInt(fraction.padEnd(6, '0').slice(0, 6) || '0');
}

function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64');
}

function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  return match ? Number(match[1]) : 0;
}

/** One page of `items` plus Slack's cursor metadata (an empty next_cursor means the end). */
export function paginate<T>(items: T[], args: SlackArgs, defaultLimit: number, maxLimit: number) {
  const limit = Math.min(Math.max(int(args, 'limit', defaultLimit) || defaultLimit, 1), maxLimit);
  const offset = decodeCursor(str(args, 'cursor'));
  const page = items.slice(offset, offset + limit);
  const hasMore = offset + limit < items.length;
  return {
    page,
    hasMore,
    response_metadata: { next_cursor: hasMore ? encodeCursor(offset + limit) : '' },
  };
}
