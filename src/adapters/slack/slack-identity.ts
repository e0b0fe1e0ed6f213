/**
 * Start-up check of the bot token: says which workspace and bot it is, or exactly why Slack
 * refused it. Not awaited by start-up: Slack being down must not keep the process from serving
 * health, metrics and the PagerDuty webhook.
 */
import type { Logger } from 'pino';
import { RootcauseError, describeError } from '../../errors.js';
import type { SlackChat } from './slack-chat.js';

/** auth.test answers that mean the token itself is wrong (not that Slack is down). */
const TOKEN_REFUSED = ['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive'];

export async function reportSlackIdentity(chat: Pick<SlackChat, 'whoAmI'>, log: Logger): Promise<void> {
  try {
    const me = await chat.whoAmI();
    log.info({ team: me.team, bot: me.userName, url: me.url }, `connected to Slack workspace "${me.team}" (${me.url}) as @${me.userName}`);
  } catch (err) {
    const refused = err instanceof RootcauseError && !err.retryable && TOKEN_REFUSED.some((code) => err.message.includes(code));
    if (refused) {
      log.error(
        { err: describeError(err) },
        'Slack refused SLACK_BOT_TOKEN: it is wrong, revoked or from another app. Copy the Bot User OAuth Token (xoxb-…) from your app\'s "OAuth & Permissions" page and restart.',
      );
    } else {
      log.warn({ err: describeError(err) }, 'could not reach Slack to check SLACK_BOT_TOKEN; it is checked again on first use');
    }
  }
}
