import { describe, expect, it } from 'vitest';
import { incidentCardBlocks } from '../../../src/adapters/slack/incident-card-blocks.js';
import { withSlackDates } from '../../../src/adapters/slack/slack-dates.js';
import type { Incident } from '../../../src/domain/incident/incident.js';
import { rawTimesOutsideCode, visibleText } from '../../helpers/slack-text.js';

const incident: Incident = {
  id: 'pd-P1',
  source: 'pagerduty',
  title: 'Payment API: 5xx rate above 5%',
  status: 'triggered',
  statusAt: '2026-12-03T11:41:00Z',
  createdAt: '2026-12-03T11:41:00Z',
  pagerduty: {
    id: 'P1',
    number: 9,
    title: 'Payment API: 5xx rate above 5%',
    status: 'triggered',
    htmlUrl: 'https://pd.example/incidents/P1',
    createdAt: '2026-12-03T11:41:00Z',
    service: { id: 'PSVC', name: 'payment-api' },
    assignees: [{ id: 'PCAROL1', name: 'Carol Chen' }, { id: 'PDAN001', name: 'Dan <Ops>' }],
    urgency: 'high',
    priority: undefined,
    escalationPolicy: undefined,
  },
  assigneeSlackIds: {},
  services: [],
  progress: {},
};

/** The card as Slack receives it: markers drawn as date tokens. */
const sent = (i: Incident) => visibleText({ blocks: withSlackDates(incidentCardBlocks(i)) });

describe('incident card', () => {
  it('says when it opened and was resolved as date tokens, with UTC only as their fallback', () => {
    const text = sent({ ...incident, status: 'resolved', resolvedAt: '2026-12-03T12:02:00Z' });
    expect(text).toContain('Opened <!date^1796298060^{date_short_pretty} {time}|2026-12-03 11:41 UTC>');
    expect(text).toContain('resolved <!date^1796299320^{date_short_pretty} {time}|2026-12-03 12:02 UTC>');
    expect(rawTimesOutsideCode(text)).toEqual([]);
  });

  it('names who could not be invited and who is not invited yet, with why, escaped', () => {
    const text = sent({
      ...incident,
      progress: {
        unreachable: { PCAROL1: 'no Slack user with the e-mail carol@elsewhere.example' },
        inviteFailures: { U0ERIN: 'user is restricted' },
        invitesPending: { names: ['Dan <Ops>'], why: 'PagerDuty: HTTP 503' },
      },
    });
    expect(text).toContain(':bust_in_silhouette: Could not invite: Carol Chen (no Slack user with the e-mail carol@elsewhere.example); <@U0ERIN> (user is restricted). Please add them by hand.');
    expect(text).toContain(':hourglass_flowing_sand: Not invited yet: Dan &lt;Ops&gt; — PagerDuty: HTTP 503.');
  });

  it('drops the invite notes once resolved, and has none when everyone is in', () => {
    const progress = { unreachable: { PCAROL1: 'not found' } };
    expect(sent({ ...incident, progress, status: 'resolved', resolvedAt: '2026-12-03T12:02:00Z' })).not.toContain('Could not invite');
    expect(sent(incident)).not.toMatch(/invite/i);
  });
});
