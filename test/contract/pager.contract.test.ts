/** Pager: what the domain relies on, run against PagerDutyClient over the PagerDuty fake and MemoryPager. */
import { afterEach, describe, expect, it } from 'vitest';
import { PagerDutyClient } from '../../src/adapters/pagerduty/pagerduty-client.js';
import { FakePagerDuty } from '../../src/demo/fakes/fake-pagerduty.js';
import { incidentDelivery } from '../../src/demo/wire/pagerduty-events.js';
import type { Pager } from '../../src/domain/incident/incident-ports.js';
import { MemoryPager } from '../support/memory-pager.js';
import { PAGED } from '../support/page-events.js';

interface Harness {
  pager: Pager;
  addUser(user: { id: string; name: string; email: string }): void;
  /** PAGED, as this pager knows it. */
  addIncident(): void;
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function overFakePagerDuty(): Promise<Harness> {
  const pd = await FakePagerDuty.start();
  closers.push(() => pd.close());
  pd.addUser({ id: 'PBOT001', name: 'Rootcause', email: 'rootcause@example.com' });
  return {
    pager: new PagerDutyClient({ apiUrl: pd.url, apiToken: 'pd-test-token', fromEmail: 'rootcause@example.com' }),
    addUser: (user) => pd.addUser(user),
    addIncident: () => pd.addIncident(incidentDelivery('triggered', { id: PAGED.id, number: PAGED.number, title: PAGED.title }).event.data as never),
  };
}

async function inMemory(): Promise<Harness> {
  const pager = new MemoryPager();
  return {
    pager,
    addUser: (user) => void pager.emails.set(user.id, user.email),
    addIncident: () => void pager.incidents.set(PAGED.id, PAGED),
  };
}

const pagers: [string, () => Promise<Harness>][] = [
  ['PagerDutyClient over the PagerDuty fake', overFakePagerDuty],
  ['MemoryPager', inMemory],
];

describe.each(pagers)('Pager contract: %s', (_name, makeHarness) => {
  it('can read and write notes when set up to', async () => {
    const { pager } = await makeHarness();
    expect([pager.canRead, pager.canWriteNotes]).toEqual([true, true]);
  });

  it('finds a user’s e-mail, and nothing for an unknown user', async () => {
    const { pager, addUser } = await makeHarness();
    addUser({ id: 'PALICE1', name: 'Alice Adams', email: 'alice@example.com' });
    expect(await pager.getUserEmail('PALICE1')).toBe('alice@example.com');
    expect(await pager.getUserEmail('PNOBODY')).toBeUndefined();
  });

  it('reads an incident, and nothing for an unknown one', async () => {
    const { pager, addIncident } = await makeHarness();
    addIncident();
    expect(await pager.getIncident(PAGED.id)).toMatchObject({ id: PAGED.id, number: PAGED.number, title: PAGED.title, status: 'triggered' });
    expect(await pager.getIncident('PNOTHERE')).toBeUndefined();
  });

  it('adds notes to an incident and lists them in order; a note to an unknown incident is refused for good', async () => {
    const { pager, addIncident } = await makeHarness();
    addIncident();
    expect(await pager.listIncidentNotes(PAGED.id)).toEqual([]);
    await pager.addIncidentNote(PAGED.id, 'Slack incident channel: #inc-9');
    await pager.addIncidentNote(PAGED.id, 'second');
    expect(await pager.listIncidentNotes(PAGED.id)).toEqual(['Slack incident channel: #inc-9', 'second']);
    await expect(pager.addIncidentNote('PNOTHERE', 'lost')).rejects.toMatchObject({ code: 'DEPENDENCY_REJECTED', retryable: false });
  });
});
