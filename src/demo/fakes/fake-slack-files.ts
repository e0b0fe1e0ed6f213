// files.* (the upload v2 flow), pins.add and reactions.add of the Slack fake.
import { accessibleConversation, fail, int, isFailure, str } from './fake-slack-api.js';
import type { MethodHandler } from './fake-slack-api.js';
import type { FakeFile } from './fake-slack-state.js';

const getUploadURLExternal: MethodHandler = (args, { state, baseUrl }) => {
  const filename = str(args, 'filename');
  const length = int(args, 'length', -1);
  if (!filename || length < 0) return fail('invalid_arguments');
  const id = state.nextId('F');
  state.files.set(id, { id, filename, length, title: filename, completed: false });
  return { ok: true, upload_url: `${baseUrl}/upload/v1/${id}`, file_id: id };
};

const completeUploadExternal: MethodHandler = (args, { state }) => {
  const files = args.files;
  if (!Array.isArray(files) || files.length === 0) return fail('invalid_arguments');
  const entries: Array<{ file: FakeFile; title: string | undefined }> = [];
  for (const entry of files) {
    const record = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
    // A file must have been announced and its bytes uploaded before it can be completed.
    const file = typeof record.id === 'string' ? state.files.get(record.id) : undefined;
    if (!file || file.content === undefined) return fail('file_not_found');
    entries.push({ file, title: typeof record.title === 'string' ? record.title : undefined });
  }
  const channelId = str(args, 'channel_id');
  const target = channelId ? accessibleConversation(state, channelId, { write: true }) : undefined;
  if (target && isFailure(target)) return target;
  const shared = entries.map(({ file, title }) => {
    file.completed = true;
    if (title !== undefined) file.title = title;
    if (target) file.channel = target.id;
    return file;
  });
  if (target) {
    // Sharing into a conversation posts a message carrying the files (and the comment as its text).
    const threadTs = str(args, 'thread_ts');
    state.addMessage(target.id, {
      text: str(args, 'initial_comment') ?? '',
      user: state.botUserId,
      bot_id: state.botId,
      files: shared.map((f) => ({ id: f.id, name: f.filename, title: f.title })),
      ...(threadTs !== undefined ? { thread_ts: threadTs } : {}),
    });
  }
  return { ok: true, files: shared.map((f) => ({ id: f.id, title: f.title, name: f.filename })) };
};

const pinsAdd: MethodHandler = (args, { state }) => {
  const conversation = accessibleConversation(state, str(args, 'channel'));
  if (isFailure(conversation)) return conversation;
  const ts = str(args, 'timestamp');
  if (!ts) return fail('no_item_specified');
  const message = state.findMessage(conversation.id, ts);
  if (!message) return fail('message_not_found');
  if (message.pinned) return fail('already_pinned');
  message.pinned = true;
  return { ok: true };
};

const reactionsAdd: MethodHandler = (args, { state }) => {
  const conversation = accessibleConversation(state, str(args, 'channel'));
  if (isFailure(conversation)) return conversation;
  const ts = str(args, 'timestamp');
  if (!ts) return fail('no_item_specified');
  const name = str(args, 'name');
  if (!name) return fail('invalid_name');
  const message = state.findMessage(conversation.id, ts);
  if (!message) return fail('message_not_found');
  message.reactions ??= [];
  if (message.reactions.includes(name)) return fail('already_reacted');
  message.reactions.push(name);
  return { ok: true };
};

export const fileMethods: Record<string, MethodHandler> = {
  'files.getUploadURLExternal': getUploadURLExternal,
  'files.completeUploadExternal': completeUploadExternal,
  'pins.add': pinsAdd,
  'reactions.add': reactionsAdd,
};
