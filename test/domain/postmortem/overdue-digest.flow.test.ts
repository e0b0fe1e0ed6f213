/** The weekly overdue digest through the in-memory ports: one DM per lead per week, listing only what is overdue. */
import { describe, expect, it } from 'vitest';
import type { ActionItem } from '../../../src/domain/postmortem/action-item.js';
import { sendOverdueDigests } from '../../../src/domain/postmortem/overdue-digest.js';
import { openedIncident } from '../../support/opened-incident.js';

function item(id: string, dueAt: string, extra: Partial<ActionItem> = {}): ActionItem {
  return { id, incidentId: 'pd-PFQZPSY', text: `Fix ${id}`, ownerId: 'U0ALICE', dueAt, dueKind: 'date-time', createdAt: '2026-11-21T11:00:00.000Z', createdBy: 'U0ALICE', kind: 'action', status: 'open', ...extra };
}

describe('sendOverdueDigests', () => {
  it('DMs each lead once a week with their incidents’ overdue items, not the ones due later or done', async () => {
    const { deps, incident } = await openedIncident();
    deps.chat.addUser({ id: 'U0LEAD', name: 'Lee Lead', tz: 'UTC' });
    await deps.incidents.save({ ...incident, leadSlackId: 'U0LEAD' });
    await deps.items.save(item('A1', '2026-11-25T08:00:00.000Z'));
    await deps.items.save(item('A2', '2026-12-20T08:00:00.000Z'));
    await deps.items.save(item('A3', '2026-11-24T08:00:00.000Z', { status: 'done' }));
    deps.clock.set('2026-11-30T09:00:00Z');

    expect(await sendOverdueDigests(deps)).toBe(1);
    await sendOverdueDigests(deps);

    const digests = deps.chat.texts('U0LEAD');
    expect(digests).toHaveLength(1);
    expect(digests[0]).toMatch(/^:hourglass: Overdue follow-ups of incidents you lead \(1\):\n• \*A1\* <@U0ALICE>, due .*: Fix A1 — "Payment API: 5xx rate above 5%" <#C\d+>/);
    expect(deps.chat.dms('U0ALICE')).toEqual([]);

    // The next week, the same item is still overdue: a new digest.
    deps.clock.set('2026-12-07T09:00:00Z');
    await sendOverdueDigests(deps);
    expect(deps.chat.texts('U0LEAD')).toHaveLength(2);
  });
});
