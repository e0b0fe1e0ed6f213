/** Which flow applies a queued command: action items are the post-mortem's, the rest the incident's. */
import { describe, expect, it } from 'vitest';
import { routeCommand } from '../../../src/domain/incident/incident-command.js';
import type { IncidentCommand } from '../../../src/domain/incident/incident-command.js';

const base = { id: 'r1', userId: 'U0ALICE', channelId: 'C1', incidentId: 'pd-P1' };

describe('routeCommand', () => {
  it.each<[IncidentCommand, 'actionItem' | 'incident']>([
    [{ kind: 'action', ownerId: 'U0BOB', due: 'friday', text: 'Alert on 5xx' }, 'actionItem'],
    [{ kind: 'done', itemId: 'A1' }, 'actionItem'],
    [{ kind: 'snooze', itemId: 'A1' }, 'actionItem'],
    [{ kind: 'declare', title: 'Checkout is slow' }, 'incident'],
    [{ kind: 'resolve', summary: 'rolled back' }, 'incident'],
    [{ kind: 'severity', severity: 2 }, 'incident'],
    [{ kind: 'lead', leadSlackId: 'U0BOB' }, 'incident'],
    [{ kind: 'note', text: 'looking' }, 'incident'],
    [{ kind: 'timeline' }, 'incident'],
  ])('%o goes to the %s flow, request unchanged', (command, flow) => {
    expect(routeCommand({ ...base, command })).toEqual({ [flow]: { ...base, command } });
  });
});
