/**
 * What every part of the domain needs from the outside world, in domain words: the clock, the
 * log, the chat and the ledger of keyed posts. Each subdomain declares its own ports, and the
 * messages it posts, beside its model (incident/incident-ports.ts, timeline/timeline-ports.ts,
 * triage/triage-ports.ts, postmortem/postmortem-ports.ts); chat-message.ts puts every message
 * together. This file imports no subdomain, so all of them can import it. Adapters in
 * src/adapters implement these against Slack, PagerDuty, Redis and the clock.
 */
import type { DocumentBlock, Inline } from './document.js';

export interface Clock {
  now(): Date;
}

export interface Log {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface ChatChannel {
  id: string;
  name: string;
}

/**
 * A long text for a chat thread: a title and blocks (prose, code, headings, fields, lists; see
 * document.ts), which the chat adapter renders in its own markup. Builders keep every block
 * under CHAT_PARAGRAPH_MAX characters and a document under CHAT_DOCUMENT_PARAGRAPHS blocks, so
 * any chat can show it as is.
 */
export interface ChatDocument {
  title: string;
  paragraphs: DocumentBlock[];
}
export const CHAT_PARAGRAPH_MAX = 2800;
export const CHAT_DOCUMENT_PARAGRAPHS = 40;

/**
 * A message the bot posts. `key` makes it findable again after a crash (idempotent posting);
 * `kind` says what it is, and the chat adapter draws each kind in its own way.
 */
export interface KeyedMessage {
  key: string;
  kind: string;
}

/** The messages any flow may post: a long text (a ChatDocument) and a line. */
export type CommonMessage =
  | { key: string; kind: 'document'; document: ChatDocument }
  | { key: string; kind: 'text'; text: Inline };

export interface InviteResult {
  invited: string[];
  alreadyIn: string[];
  failed: { userId: string; reason: string }[];
}

/**
 * The chat, as a flow that posts messages `M` sees it (a triage posts TriageMessage). The chat
 * adapter draws every kind (ChatMessage in chat-message.ts), so one chat serves every flow.
 */
export interface Chat<M extends KeyedMessage = CommonMessage> {
  /** Creates a public channel; `taken` when the name is in use (also by an archived channel). */
  createChannel(name: string): Promise<{ created: ChatChannel } | { taken: true }>;
  findChannelByName(name: string): Promise<(ChatChannel & { createdByBot: boolean }) | undefined>;
  setTopic(channelId: string, topic: string): Promise<void>;
  inviteUsers(channelId: string, userIds: string[]): Promise<InviteResult>;
  findUserIdByEmail(email: string): Promise<string | undefined>;
  post(channel: string, message: M, opts?: { threadTs?: string | undefined }): Promise<string>;
  update(channel: string, ts: string, message: M): Promise<void>;
  /** The ts of a message this bot posted with `key` in the channel's recent history (or in a thread). */
  findPostedMessage(channel: string, key: string, threadTs?: string): Promise<string | undefined>;
  channelUrl(channelId: string): Promise<string>;
  /** An answer only the requester sees (Slack's response_url). */
  respond(responseUrl: string, text: Inline): Promise<void>;
  /** A message only `userId` sees, in a channel the bot is in (no limit on how many). */
  postEphemeral(channel: string, userId: string, message: M): Promise<void>;
  /** The user's full name (real name, else display name), for text read outside the chat; undefined if the chat does not say. */
  userName(userId: string): Promise<string | undefined>;
  /** The user's IANA time zone (e.g. America/New_York); undefined if Slack does not say. */
  userTimeZone(userId: string): Promise<string | undefined>;
  /** A direct message to a user; returns its ts. */
  postDirect(userId: string, message: M): Promise<string>;
  /**
   * A person's words as the chat delivered them (a command's text) in plain words: people and
   * channels written `@U…` / `#C…` with their ids in `mentions` (see document.ts withMentions).
   */
  readText(text: string): { text: string; mentions: string[] };
  /** Shares a text file in a channel (Markdown post-mortems), or in a thread with `threadTs`. */
  uploadFile(channel: string, file: { filename: string; title: string; content: string }, opts?: { threadTs?: string | undefined }): Promise<void>;
  /** Whether a file of this name was shared in the channel's recent history, or in the thread of `threadTs` (a share carries no key). */
  findSharedFile(channel: string, filename: string, opts?: { threadTs?: string | undefined }): Promise<boolean>;
}

/** Remembers which keyed messages were posted (see post-exactly-once.ts). */
export interface PostLedger {
  /** Posted (with its ts), being posted since some instant (or died doing so), or never tried. */
  read(key: string): Promise<{ posted: string } | { postingSince: number } | undefined>;
  /** Marks the key as being posted, atomically: false when another worker already did. */
  claim(key: string, now: number): Promise<boolean>;
  /** Takes over a post whose worker died (the mark is still `since`): false when someone else did. */
  reclaim(key: string, since: number, now: number): Promise<boolean>;
  markPosted(key: string, ts: string): Promise<void>;
}
