/**
 * The secrets of the local stand-in workspace (the tests' and, by default, the demo's): requests
 * into the bot are signed with them exactly as Slack and PagerDuty sign theirs. Not secrets of any
 * real account.
 */
export const LOCAL_SLACK_SIGNING_SECRET = 'test-slack-signing-secret';
export const LOCAL_PAGERDUTY_WEBHOOK_SECRET = 'test-pagerduty-webhook-secret';
