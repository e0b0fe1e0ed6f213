/**
 * The card's buttons answer the clicker with the one wording of errors: a queue that fails because
 * Redis is down says Redis; one that fails for any other reason never does.
 */
import type { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { registerCardActions } from '../../../src/adapters/slack/card-actions.js';
import type { CardActionDeps } from '../../../src/adapters/slack/card-actions.js';
import { ACTION_RESOLVE, ACTION_RUN_TRIAGE } from '../../../src/adapters/slack/incident-card-blocks.js';
import { ACTION_ITEM_DONE } from '../../../src/adapters/slack/reminder-blocks.js';
import { newPagedIncident } from '../../../src/domain/incident/incident.js';
import { RootcauseError, dependencyUnavailable } from '../../../src/errors.js';
import { MemoryIncidentStore } from '../../support/memory-incident-store.js';
import { PAGED } from '../../support/page-events.js';

type Handler = (args: { ack: () => Promise<void>; body: object; action: object; respond: (m: { text: string }) => Promise<void> }) => Promise<void>;

/** Bolt's `app.action` as the buttons use it: the handlers by action id, to be clicked by hand. */
async function buttons(fail: unknown): Promise<{ click: (actionId: string, value: string) => Promise<string[]>; incidentId: string }> {
  const handlers = new Map<string, Handler>();
  const app = { action: (id: string, handler: Handler) => void handlers.set(id, handler) } as unknown as App;
  const incidents = new MemoryIncidentStore();
  const incident = { ...newPagedIncident(PAGED, ['payment-service']), channel: { id: 'C0INC', name: 'inc-9' } };
  await incidents.save(incident);
  const refuse = async () => Promise.reject(fail);
  const deps: CardActionDeps = { incidents, requestTriage: refuse, requestCommand: refuse };
  registerCardActions(app, deps);
  return {
    incidentId: incident.id,
    click: async (actionId, value) => {
      const said: string[] = [];
      const handler = handlers.get(actionId);
      if (handler === undefined) throw new Error(`no handler for ${actionId}`);
      await handler({
        ack: async () => undefined,
        body: { user: { id: 'U0ALICE' }, channel: { id: 'C0INC' }, response_url: 'https://hooks.slack.test/r' },
        action: { value, action_ts: '1795230000.000100' },
        respond: async (m) => void said.push(m.text),
      });
      return said;
    },
  };
}

describe('card buttons when queueing fails', () => {
  it('name Redis when Redis is down', async () => {
    const { click, incidentId } = await buttons(dependencyUnavailable('Redis', 'no answer within 1500 ms'));
    expect(await click(ACTION_RESOLVE, incidentId)).toEqual(['Could not resolve the incident: Redis is unavailable (no answer within 1500 ms). Try again in a minute.']);
    expect(await click(ACTION_RUN_TRIAGE, incidentId)).toEqual(['Could not start the triage: Redis is unavailable (no answer within 1500 ms). Try again in a minute.']);
    expect(await click(ACTION_ITEM_DONE, 'A1')).toEqual(['Could not do that now: Redis is unavailable (no answer within 1500 ms). Try again in a minute.']);
  });

  it('never say Redis for a failure that is not Redis', async () => {
    const { click, incidentId } = await buttons(new Error('job payload is not serializable'));
    const said = [...(await click(ACTION_RESOLVE, incidentId)), ...(await click(ACTION_RUN_TRIAGE, incidentId)), ...(await click(ACTION_ITEM_DONE, 'A1'))];
    expect(said).toEqual([
      'Could not resolve the incident: something went wrong (job payload is not serializable). Try again in a minute.',
      'Could not start the triage: something went wrong (job payload is not serializable). Try again in a minute.',
      'Could not do that now: something went wrong (job payload is not serializable). Try again in a minute.',
    ]);
    for (const text of said) expect(text).not.toMatch(/Redis/);
  });

  it('say what a coded failure is, and no "try again" when trying again cannot help', async () => {
    const { click, incidentId } = await buttons(new RootcauseError('BAD_REQUEST', 'the incident id is too long'));
    expect(await click(ACTION_RESOLVE, incidentId)).toEqual(['Could not resolve the incident: the incident id is too long.']);
  });
});
