/** Requests signed exactly as PagerDuty and Slack sign them. */
import { createHmac } from 'node:crypto';

export function pagerDutySignature(body: string, ...secrets: string[]): string {
  return secrets.map((s) => `v1=${createHmac('sha256', s).update(body).digest('hex')}`).join(',');
}

export function slackSignedHeaders(body: string, signingSecret: string, at = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = `v0=${createHmac('sha256', signingSecret).update(`v0:${at}:${body}`).digest('hex')}`;
  return { 'X-Slack-Request-Timestamp': String(at), 'X-Slack-Signature': signature };
}
