/** A world with one paged incident whose channel is open: the starting point of the resolve and post-mortem flows. */
import { handlePageEvent } from '../../src/domain/incident/handle-page-event.js';
import type { Incident } from '../../src/domain/incident/incident.js';
import { memoryDeps } from './memory-deps.js';
import type { MemoryDeps } from './memory-deps.js';
import { PAGED, pageEvent } from './page-events.js';

export interface OpenedIncident {
  deps: MemoryDeps;
  incident: Incident;
  /** The incident channel's id. */
  channel: string;
  announce: string;
}

export async function openedIncident(): Promise<OpenedIncident> {
  const deps = memoryDeps();
  deps.clock.set('2026-11-21T10:00:05Z');
  deps.chat.addUser({ id: 'U0ALICE', name: 'Alice Adams', email: 'alice@example.com', tz: 'Europe/Berlin' });
  deps.pager.emails.set('PALICE1', 'alice@example.com');
  deps.pager.incidents.set(PAGED.id, PAGED);
  const announce = deps.chat.addChannel('incidents').id;
  deps.announceChannel = announce;
  const incident = await handlePageEvent(deps, pageEvent('triggered'));
  if (incident.channel === undefined) throw new Error('the incident channel did not open');
  deps.clock.set('2026-11-21T10:40:00Z');
  return { deps, incident, channel: incident.channel.id, announce };
}

export { PAGED };
