/**
 * What a Slack workspace holds, as the Slack fake records it (`FakeSlack.dump()`): the input of
 * the HTML renderer. Plain JSON, so a dump can be written to a file and rendered later.
 */
export interface SlackDump {
  team: string;
  botUserId: string;
  users: DumpUser[];
  /** Channels and DMs (`is_im`, named after the other person). */
  channels: DumpChannel[];
  /** Every message in posting order per channel; thread replies carry `thread_ts`. */
  messages: DumpMessage[];
  files: DumpFile[];
}

export interface DumpUser {
  id: string;
  name: string;
  tz?: string;
  is_bot?: boolean;
}

export interface DumpChannel {
  id: string;
  name: string;
  topic?: string;
  is_private?: boolean;
  is_archived?: boolean;
  is_im?: boolean;
}

export interface DumpMessage {
  channel: string;
  ts: string;
  text: string;
  blocks?: unknown[];
  attachments?: unknown[];
  thread_ts?: string;
  user?: string;
  bot_id?: string;
  edited?: { user: string; ts: string };
  /** Seen by `user` alone. */
  ephemeral?: boolean;
  files?: { id: string; title: string }[];
  reactions?: string[];
  pinned?: boolean;
}

export interface DumpFile {
  id: string;
  title: string;
  filename: string;
  channel?: string;
  content?: string;
}
