/**
 * The visitor's hands: what Slack and PagerDuty would send the bot when a person types, clicks
 * or gets paged — the same signed requests, over HTTP, into the real bot. Also keeps what Slack
 * shows only to the person who acted (a slash command's reply and what comes to its
 * response_url), since those never enter a channel's history.
 */
import type { FakePagerDuty } from './fakes/fake-pagerduty.js';
import type { FakeSlack } from './fakes/fake-slack.js';
import { incidentDelivery } from './wire/pagerduty-events.js';
import { pagerDutySignature } from './wire/sign.js';
import { blockAction, eventCallback, postSlack, slashCommand } from './wire/slack-requests.js';
import type { DemoPerson, DemoService } from './demo-workspace.js';

export interface DemoSecrets {
  slackSigningSecret: string;
  pagerDutyWebhookSecret: string;
}

/** Something only `user` sees in `channel` ("Only visible to you"). */
export interface Ephemeral {
  channel: string;
  user: string;
  /** Slack ts-like ordering key (seconds). */
  ts: string;
  text: string;
  blocks?: unknown[];
  /** The command the person typed, shown as Slack shows it to them. */
  command?: true;
}

interface ResponseTarget {
  channel: string;
  user: string;
}

export class BotWire {
  private readonly ephemerals: Ephemeral[] = [];
  private readonly responseTargets = new Map<string, ResponseTarget>();
  private counter = 0;
  private incidentNumber = 100;

  constructor(
    private readonly botUrl: string,
    private readonly slack: FakeSlack,
    private readonly pagerduty: FakePagerDuty,
    private readonly secrets: DemoSecrets,
    private readonly people: DemoPerson[],
    /** Told when an ephemeral is added here (the page redraws). */
    private readonly changed: () => void,
  ) {}

  /** Slack escapes @name in commands and messages to <@ID> (the manifest's should_escape). */
  private escapeMentions(text: string): string {
    return text.replace(/(^|\s)@([a-z0-9._-]+)/gi, (whole, lead: string, name: string) => {
      const person = this.people.find((p) => p.name === name.toLowerCase());
      return person ? `${lead}<@${person.slackId}|${person.name}>` : whole;
    });
  }

  private nextResponseUrl(target: ResponseTarget): string {
    this.counter += 1;
    const id = `demo${this.counter}`;
    this.responseTargets.set(id, target);
    return this.slack.responseUrl(id);
  }

  /** `/triage checkout` or `/incident resolve …` typed by `user` in `channel`. */
  async slash(user: string, channel: string, line: string): Promise<void> {
    const [command = '', ...rest] = line.trim().split(/\s+/);
    const text = this.escapeMentions(rest.join(' '));
    this.ephemerals.push({ channel, user, ts: nowTs(), text: line.trim(), command: true });
    const body = slashCommand({ command, text, userId: user, channelId: channel, responseUrl: this.nextResponseUrl({ channel, user }) })
      // Slack gives every invocation its own trigger_id; the bot deduplicates on it.
      .replace('trigger_id=123.456.abc', `trigger_id=${Date.now()}.${this.counter}`);
    const res = await postSlack(this.botUrl, body, 'application/x-www-form-urlencoded', this.secrets.slackSigningSecret);
    const ack = await res.text();
    if (!res.ok) {
      this.ephemerals.push({ channel, user, ts: nowTs(), text: `${command} failed with the error "dispatch_failed" (HTTP ${res.status})` });
    } else if (ack.trim() !== '') {
      const parsed = parseJson(ack);
      if (parsed && (typeof parsed.text === 'string' || Array.isArray(parsed.blocks))) {
        this.ephemerals.push({ channel, user, ts: nowTs(), text: String(parsed.text ?? ''), ...(Array.isArray(parsed.blocks) ? { blocks: parsed.blocks } : {}) });
      } else if (!parsed) {
        this.ephemerals.push({ channel, user, ts: nowTs(), text: ack });
      }
    }
    this.changed();
  }

  /** A plain message: into the channel as the person's, and to the bot as an Events API `message`. */
  async say(user: string, channel: string, text: string, threadTs?: string): Promise<string> {
    const escaped = this.escapeMentions(text);
    const message = this.slack.addMessage(channel, { user, text: escaped, ...(threadTs === undefined ? {} : { thread_ts: threadTs }) });
    const event = {
      type: 'message',
      user,
      text: escaped,
      ts: message.ts,
      channel,
      channel_type: channel.startsWith('D') ? 'im' : 'channel',
      event_ts: message.ts,
      ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
    };
    await postSlack(this.botUrl, eventCallback(event), 'application/json', this.secrets.slackSigningSecret);
    return message.ts;
  }

  /** A button click on a message (block_actions). */
  async click(user: string, channel: string, messageTs: string, actionId: string, value: string): Promise<void> {
    const body = blockAction({ actionId, value, userId: user, channelId: channel, messageTs, responseUrl: this.nextResponseUrl({ channel, user }) });
    await postSlack(this.botUrl, body, 'application/x-www-form-urlencoded', this.secrets.slackSigningSecret);
  }

  /** PagerDuty pages the service's owner: the incident exists in PagerDuty, then the signed webhook. */
  async page(service: DemoService, title: string): Promise<{ incidentId: string; number: number }> {
    this.incidentNumber += 1;
    const number = this.incidentNumber;
    const incidentId = `PDEMO${number}`;
    const now = new Date().toISOString();
    const delivery = incidentDelivery(
      'triggered',
      {
        id: incidentId,
        number,
        title,
        created_at: now,
        urgency: 'high',
        service: { id: service.pagerDutyServiceId, summary: service.service, type: 'service_reference', self: `https://api.pagerduty.com/services/${service.pagerDutyServiceId}`, html_url: `https://demo.pagerduty.com/services/${service.pagerDutyServiceId}` },
        assignees: [{ id: service.owner.pagerDutyId, summary: service.owner.name, type: 'user_reference', self: `https://api.pagerduty.com/users/${service.owner.pagerDutyId}`, html_url: `https://demo.pagerduty.com/users/${service.owner.pagerDutyId}` }],
        html_url: `https://demo.pagerduty.com/incidents/${incidentId}`,
      },
      { occurredAt: now, agentName: 'Datadog' },
    );
    this.pagerduty.addIncident(delivery.event.data as { id: string });
    const text = JSON.stringify(delivery);
    const res = await fetch(`${this.botUrl}/webhooks/pagerduty`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-PagerDuty-Signature': pagerDutySignature(text, this.secrets.pagerDutyWebhookSecret) },
      body: text,
    });
    if (!res.ok) throw new Error(`the bot refused the page: HTTP ${res.status}`);
    return { incidentId, number };
  }

  /** What only `user` sees in `channel`: their commands, the bot's replies to them. */
  ephemeralsFor(channel: string, user: string): Ephemeral[] {
    const fromResponseUrls: Ephemeral[] = [];
    for (const call of this.slack.calls) {
      if (call.method !== 'response_url' || call.failed) continue;
      const target = this.responseTargets.get(String(call.args.id));
      if (target?.channel !== channel || target.user !== user) continue;
      fromResponseUrls.push({
        channel,
        user,
        ts: (call.at / 1000).toFixed(6),
        text: typeof call.args.text === 'string' ? call.args.text : '',
        ...(Array.isArray(call.args.blocks) ? { blocks: call.args.blocks } : {}),
      });
    }
    return [...this.ephemerals.filter((e) => e.channel === channel && e.user === user), ...fromResponseUrls];
  }

}

function nowTs(): string {
  return (Date.now() / 1000).toFixed(6);
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
