import { describe, expect, it } from 'vitest';
import { newDeclaredIncident, newPagedIncident } from '../../../src/domain/incident/incident.js';
import type { Incident, PagedIncident } from '../../../src/domain/incident/incident.js';
import { announcementIcon, buildAnnouncement as buildInline } from '../../../src/domain/incident/incident-text.js';
import { emoji } from '../../../src/adapters/slack/render-document.js';
import { inlineText } from '../../helpers/document-text.js';
import { timesAsUtc } from '../../../src/domain/time-ref.js';

const paged: PagedIncident = {
  id: 'P1',
  number: 812,
  title: 'Checkout 5xx',
  status: 'triggered',
  htmlUrl: 'https://acme.pagerduty.com/incidents/P1',
  createdAt: '2026-11-21T03:12:00Z',
  service: { id: 'PSVC', name: 'checkout' },
  assignees: [{ id: 'PA', name: 'Alice Adams' }],
  urgency: 'high',
  priority: undefined,
  escalationPolicy: undefined,
};
const page = (over: Partial<PagedIncident> = {}, more: Partial<Incident> = {}): Incident => ({ ...newPagedIncident({ ...paged, ...over }, []), ...more });
/** The announcement as the Slack adapter writes it, for an incident whose channel is C1. */
const buildAnnouncement = (incident: Incident): string => inlineText(buildInline({ ...incident, channel: { id: 'C1', name: 'inc-812' } }));

describe('announcementIcon', () => {
  it.each([
    ['high urgency', page(), ':rotating_light:'],
    ['low urgency', page({ urgency: 'low' }), ':large_yellow_circle:'],
    ['P1 beats low urgency', page({ urgency: 'low', priority: 'P1' }), ':rotating_light:'],
    ['P3', page({ priority: 'P3' }), ':large_orange_circle:'],
    ['SEV4 set in Slack beats P1', page({ priority: 'P1' }, { severity: 4 }), ':large_yellow_circle:'],
    ['SEV2 beats low urgency', page({ urgency: 'low' }, { severity: 2 }), ':rotating_light:'],
    ['a priority named otherwise says nothing', page({ urgency: 'low', priority: 'Critical-ish' }), ':large_yellow_circle:'],
    ['declared without severity', newDeclaredIncident(3, 'Slow search', 'U1', '2026-11-21T03:12:00Z'), ':large_orange_circle:'],
    ['resolved', page({}, { status: 'resolved' }), ':white_check_mark:'],
  ])('%s → %s', (_, incident, shortcode) => {
    expect(emoji(announcementIcon(incident))).toBe(shortcode);
  });
});

describe('buildAnnouncement', () => {
  it('says what, how bad, where it stands, who has it and where to go', () => {
    expect(timesAsUtc(buildAnnouncement(page({ priority: 'P2' })))).toBe(
      [':rotating_light: *Incident #812: Checkout 5xx* — checkout, P2, high urgency', '*Triggered* · assigned to Alice Adams · opened 2026-11-21 03:12 UTC', 'Channel: <#C1>'].join('\n'),
    );
    expect(timesAsUtc(buildAnnouncement(page({ status: 'acknowledged' }, { status: 'acknowledged', statusBy: 'Alice Adams', leadSlackId: 'U2' }))).split('\n')[1]).toBe(
      '*Acknowledged* by Alice Adams · lead <@U2>, assigned to Alice Adams · opened 2026-11-21 03:12 UTC',
    );
  });

  it('says how long it lasted and who resolved it, in Slack or in PagerDuty', () => {
    const fromSlack = page({}, { status: 'resolved', resolvedAt: '2026-11-21T04:24:00Z', resolvedBy: 'U9', statusBy: 'PagerDuty' });
    expect(timesAsUtc(buildAnnouncement(fromSlack)).split('\n')[1]).toBe('*Resolved* after 1h 12m by <@U9> · opened 2026-11-21 03:12 UTC, resolved 2026-11-21 04:24 UTC');
    const fromPagerDuty = page({}, { status: 'resolved', resolvedAt: '2026-11-21T03:12:40Z', statusBy: 'Alice Adams' });
    expect(buildAnnouncement(fromPagerDuty)).toContain('*Resolved* after 40s by Alice Adams');
    const longer = page({}, { status: 'resolved', resolvedAt: '2026-11-23T06:12:00Z', statusBy: 'Alice Adams' });
    expect(buildAnnouncement(longer)).toContain('*Resolved* after 2d 3h by Alice Adams');
  });

  it('leaves out how long it lasted when a time does not parse or runs backwards', () => {
    const unparsed = page({}, { status: 'resolved', resolvedAt: 'not a time', statusBy: 'Alice Adams' });
    expect(buildAnnouncement(unparsed)).toContain('*Resolved* by Alice Adams');
    const backwards = page({}, { status: 'resolved', resolvedAt: '2026-11-21T03:00:00Z', statusBy: 'Alice Adams' });
    expect(buildAnnouncement(backwards)).toContain('*Resolved* by Alice Adams');
  });

  it('writes times as markers for the reader’s zone', () => {
    expect(buildAnnouncement(page())).toContain('⟦time 1795230720 datetime⟧');
  });
});
