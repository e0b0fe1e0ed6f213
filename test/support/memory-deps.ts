/**
 * Every port of the incident and post-mortem flows, in memory, for unit tests of the domain flows.
 * Each flow takes the few it declares; this world has them all. After a resolve, the post-mortem
 * is published, as the composition root wires it (a test may hand in its own `afterResolve`).
 */
import type { IncidentPorts } from '../../src/domain/incident/incident-ports.js';
import type { ActionItemPorts } from '../../src/domain/postmortem/postmortem-ports.js';
import { publishPostmortem } from '../../src/domain/postmortem/publish-postmortem.js';
import { ServiceCatalog } from '../../src/domain/service-catalog.js';
import type { TriageRequest } from '../../src/domain/triage/triage-request.js';
import { FixedClock } from './fixed-clock.js';
import { MemoryActionItemStore } from './memory-action-item-store.js';
import { MemoryChat } from './memory-chat.js';
import { MemoryIncidentStore } from './memory-incident-store.js';
import { MemoryPager } from './memory-pager.js';
import { MemoryPostLedger } from './memory-post-ledger.js';
import { MemoryReminderScheduler } from './memory-reminder-scheduler.js';
import { MemoryTimelineStore } from './memory-timeline-store.js';
import { RecordingLog } from './recording-log.js';

export interface MemoryDeps extends IncidentPorts, ActionItemPorts {
  chat: MemoryChat;
  items: MemoryActionItemStore;
  reminders: MemoryReminderScheduler;
  ledger: MemoryPostLedger;
  pager: MemoryPager;
  incidents: MemoryIncidentStore;
  timeline: MemoryTimelineStore;
  clock: FixedClock;
  log: RecordingLog;
  /** Triage requests made, in order. */
  triageRequests: TriageRequest[];
}

/** Defaults: the clock at 2026-03-10T09:00:00Z, an empty catalog, no announce channel, triage requests recorded. */
export function memoryDeps(overrides: Partial<Omit<MemoryDeps, 'triageRequests'>> = {}): MemoryDeps {
  const triageRequests: TriageRequest[] = [];
  const deps: MemoryDeps = {
    chat: new MemoryChat(),
    items: new MemoryActionItemStore(),
    reminders: new MemoryReminderScheduler(),
    ledger: new MemoryPostLedger(),
    pager: new MemoryPager(),
    incidents: new MemoryIncidentStore(),
    timeline: new MemoryTimelineStore(),
    catalog: new ServiceCatalog(),
    clock: new FixedClock('2026-03-10T09:00:00Z'),
    log: new RecordingLog(),
    requestTriage: async (request) => void triageRequests.push(request),
    announceChannel: undefined,
    afterResolve: (incident, resolverSlackId) => publishPostmortem(deps, incident, resolverSlackId),
    triageRequests,
    ...overrides,
  };
  return deps;
}
