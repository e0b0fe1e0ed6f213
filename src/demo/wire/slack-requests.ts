/** Requests into the bot exactly as Slack sends them: form-encoded or JSON, signed with the signing secret. */
import { LOCAL_SLACK_SIGNING_SECRET as SIGNING_SECRET } from './local-secrets.js';
import { slackSignedHeaders } from './sign.js';

export async function postSlack(botUrl: string, body: string, contentType: string, secret = SIGNING_SECRET): Promise<Response> {
  return fetch(`${botUrl}/slack/events`, {
    method: 'POST',
    headers: { 'Content-Type': contentType, ...slackSignedHeaders(body, secret) },
    body,
  });
}

/** A block_actions interaction (a button click). */
export function blockAction(opts: { actionId: string; value: string; userId: string; channelId: string; messageTs: string; responseUrl: string }): string {
  const payload = {
    type: 'block_actions',
    team: { id: 'T0TEST', domain: 'test' },
    user: { id: opts.userId, username: 'someone', team_id: 'T0TEST' },
    api_app_id: 'A0TEST',
    token: 'verification-token-unused',
    container: { type: 'message', message_ts: opts.messageTs, channel_id: opts.channelId, is_ephemeral: false },
    trigger_id: '123.456.abc',
    channel: { id: opts.channelId, name: 'incident' },
    message: { ts: opts.messageTs, type: 'message', text: 'card' },
    response_url: opts.responseUrl,
    actions: [
      { type: 'button', action_id: opts.actionId, block_id: 'incident_actions', value: opts.value, action_ts: String(Date.now() / 1000), text: { type: 'plain_text', text: 'x' } },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A slash command as Slack posts it (form-encoded). */
export function slashCommand(opts: { command: string; text: string; userId: string; channelId: string; responseUrl: string }): string {
  return new URLSearchParams({
    token: 'verification-token-unused',
    team_id: 'T0TEST',
    team_domain: 'test',
    channel_id: opts.channelId,
    channel_name: 'incident',
    user_id: opts.userId,
    user_name: 'someone',
    command: opts.command,
    text: opts.text,
    api_app_id: 'A0TEST',
    response_url: opts.responseUrl,
    trigger_id: '123.456.abc',
  }).toString();
}

/** An Events API delivery (event_callback), as JSON. */
export function eventCallback(event: Record<string, unknown>, eventId = `Ev${Math.random().toString(36).slice(2, 12).toUpperCase()}`): string {
  return JSON.stringify({
    token: 'verification-token-unused',
    team_id: 'T0TEST',
    api_app_id: 'A0TEST',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T0TEST', user_id: 'UBOT', is_bot: true }],
  });
}
