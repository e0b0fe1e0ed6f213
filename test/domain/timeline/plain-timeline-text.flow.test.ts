/**
 * Timeline text is stored plain: who did it is the author, the people and channels a text names
 * are ids in `mentions` (written `@U…` / `#C…`), and readers draw them as mentions again.
 */
import { describe, expect, it } from 'vitest';
import { readSlackText } from '../../../src/adapters/slack/slack-text.js';
import { applyIncidentCommand } from '../../../src/domain/incident/apply-incident-command.js';
import type { IncidentChange, IncidentCommandRequest } from '../../../src/domain/incident/incident-command.js';
import { resolveIncidentFromChat } from '../../../src/domain/incident/resolve-incident.js';
import { addActionItem } from '../../../src/domain/postmortem/action-items.js';
import { recordChannelMessage } from '../../../src/domain/incident/record-channel-message.js';
import type { ChannelMessageEvent } from '../../../src/domain/incident/record-channel-message.js';
import { renderTimeline } from '../../../src/domain/timeline/render-timeline.js';
import { timesAsUtc } from '../../../src/domain/time-ref.js';
import { blockText } from '../../helpers/document-text.js';
import { openedIncident } from '../../support/opened-incident.js';

const SLACK_MARKUP = /<[@#!]|<https?:|&(?:amp|lt|gt);/;

function request(id: string, command: IncidentChange, incidentId: string): IncidentCommandRequest<IncidentChange> {
  return { id, command, userId: 'U0ALICE', channelId: 'C-ignored', incidentId };
}

/** A message as register-events hands it over: Slack's text read into plain words and mentions. */
function posted(channelId: string, userId: string, ts: string, slackText: string): ChannelMessageEvent {
  return { kind: 'posted', channelId, ts, userId, ...readSlackText(slackText) };
}

function editedTo(channelId: string, ts: string, slackText: string): ChannelMessageEvent {
  return { kind: 'edited', channelId, ts, ...readSlackText(slackText) };
}

describe('plain timeline text', () => {
  it('stores what people and commands say without Slack markup, and shows it with mentions', async () => {
    const { deps, incident, channel } = await openedIncident();
    await recordChannelMessage(deps, posted(channel, 'U0BOB', '1795255300.000100', 'we decided to roll back, <@U0ALICE> &amp; <@U0CAROL|carol> on it, see <https://grafana.acme.io/d/1|the graph> in <#C0WAR>'));
    deps.clock.set('2026-11-21T10:42:00Z');
    await applyIncidentCommand(deps, request('c1', { kind: 'lead', leadSlackId: 'U0BOB' }, incident.id));
    deps.clock.set('2026-11-21T10:43:00Z');
    await applyIncidentCommand(deps, request('c2', { kind: 'note', text: 'asked <@U0CAROL|carol> for the db &lt;primary&gt;' }, incident.id));
    deps.clock.set('2026-11-21T10:44:00Z');
    await addActionItem(deps, { requestId: 'c3', incidentId: incident.id, ownerId: 'U0BOB', due: '2026-11-25', text: 'alert on pool use', createdBy: 'U0ALICE' });
    deps.clock.set('2026-11-21T10:45:00Z');
    await resolveIncidentFromChat(deps, incident.id, 'U0ALICE', { requestId: 'c4', summary: 'pool raised, thanks <@U0BOB>' });

    const entries = await deps.timeline.list(incident.id);
    const bySlack = entries.filter((e) => e.source === 'slack');
    expect(bySlack.map((e) => [e.text, e.mentions])).toEqual([
      ['we decided to roll back, @U0ALICE & @U0CAROL on it, see the graph in #C0WAR', ['U0ALICE', 'U0CAROL', 'C0WAR']],
      ['@U0BOB is now the incident lead', ['U0BOB']],
      ['asked @U0CAROL for the db <primary>', ['U0CAROL']],
      ['Action item A1 for @U0BOB: alert on pool use', ['U0BOB']],
      ['Resolved by @U0ALICE Summary: pool raised, thanks @U0BOB', ['U0ALICE', 'U0BOB']],
    ]);
    for (const e of entries) expect(e.text).not.toMatch(SLACK_MARKUP);

    const shown = renderTimeline(entries, { now: deps.clock.now() }).flatMap((d) => d.paragraphs.map((p) => timesAsUtc(blockText(p)))).join('\n');
    expect(shown).toContain('*Decision* · <@U0BOB>: we decided to roll back, <@U0ALICE> & <@U0CAROL> on it, see the graph in <#C0WAR>');
    expect(shown).toContain('<@U0ALICE>: *<@U0BOB> is now the incident lead*');
    expect(shown).toContain('<@U0ALICE>: *asked <@U0CAROL> for the db <primary>*');
    expect(shown).toContain('<@U0ALICE>: *Action item A1 for <@U0BOB>*: alert on pool use');
    expect(shown).toContain('*Action* · <@U0ALICE>: Resolved by <@U0ALICE> Summary: pool raised, thanks <@U0BOB>');
  });

  it('replaces an edited message’s text and the people it names', async () => {
    const { deps, incident, channel } = await openedIncident();
    await recordChannelMessage(deps, posted(channel, 'U0BOB', '1795255300.000200', 'ping <@U0ALICE>'));
    await recordChannelMessage(deps, editedTo(channel, '1795255300.000200', 'never mind, a &amp; b'));
    const [edited] = (await deps.timeline.list(incident.id)).filter((e) => e.source === 'slack');
    expect(edited).toMatchObject({ text: 'never mind, a & b', author: 'U0BOB' });
    expect(edited?.mentions).toBeUndefined();
  });
});
