/** The Slack and PagerDuty clients of one bot instance, each call counted for /metrics. */
import { webApi } from '@slack/bolt';
import type { Config } from './config.js';
import type { Metrics } from './adapters/http/metrics.js';
import { PagerDutyClient } from './adapters/pagerduty/pagerduty-client.js';
import { SlackChat } from './adapters/slack/slack-chat.js';
import { SLACK_RETRY_POLICY } from './adapters/slack/slack-retry-policy.js';

export function createClients(config: Config, metrics: Metrics): { chat: SlackChat; pager: PagerDutyClient } {
  const slackClient = new webApi.WebClient(config.slack.botToken, {
    slackApiUrl: config.slack.apiUrl,
    retryConfig: SLACK_RETRY_POLICY,
    rejectRateLimitedCalls: false,
    logLevel: webApi.LogLevel.ERROR,
  });
  const chat = new SlackChat(slackClient, { onCall: (method, outcome) => metrics.slackCalls.inc({ method, outcome }) });
  const pager = new PagerDutyClient({
    apiUrl: config.pagerduty.apiUrl,
    apiToken: config.pagerduty.apiToken,
    fromEmail: config.pagerduty.fromEmail,
    onCall: (operation, outcome) => metrics.pagerDutyCalls.inc({ operation, outcome }),
  });
  return { chat, pager };
}
