/** TriageDeps over the in-memory ports, for unit tests of the triage flow (run-triage.ts). */
import type { TriageDeps } from '../../src/domain/triage/run-triage.js';
import type { TriageReport } from '../../src/domain/triage/triage-report.js';
import type { TriageRequest } from '../../src/domain/triage/triage-request.js';
import { ServiceCatalog } from '../../src/domain/service-catalog.js';
import { FixedClock } from './fixed-clock.js';
import { MemoryChat } from './memory-chat.js';
import type { MemoryChannel } from './memory-chat.js';
import { MemoryCluster } from './memory-cluster.js';
import { MemoryClusterWatch } from './memory-cluster-watch.js';
import { MemoryPostLedger } from './memory-post-ledger.js';
import { MemoryTimelineStore } from './memory-timeline-store.js';
import { RecordingLog } from './recording-log.js';

export interface MemoryTriageDeps extends TriageDeps {
  chat: MemoryChat;
  ledger: MemoryPostLedger;
  cluster: MemoryCluster;
  timeline: MemoryTimelineStore;
  clusterWatch: MemoryClusterWatch;
  clock: FixedClock;
  log: RecordingLog;
  /** The channel the triage is asked in (the bot is in it). */
  channel: MemoryChannel;
  /** What was handed to keepForIncident, in order. */
  kept: { incidentId: string; report: TriageReport }[];
}

/** Defaults: one kube context, an empty catalog, the clock at `now`, a channel `#payments-oncall`. */
export function memoryTriageDeps(opts: { now: string; contexts?: string[]; catalog?: ServiceCatalog }): MemoryTriageDeps {
  const chat = new MemoryChat();
  const kept: MemoryTriageDeps['kept'] = [];
  return {
    chat,
    ledger: new MemoryPostLedger(),
    cluster: new MemoryCluster(opts.contexts),
    catalog: opts.catalog ?? new ServiceCatalog(),
    timeline: new MemoryTimelineStore(),
    clusterWatch: new MemoryClusterWatch(),
    clock: new FixedClock(opts.now),
    log: new RecordingLog(),
    channel: chat.addChannel('payments-oncall'),
    keepForIncident: async (incidentId, report) => void kept.push({ incidentId, report }),
    kept,
  };
}

/** A `/triage` as the command queues it: answered by response_url, posted in the channel. */
export function triageRequest(deps: MemoryTriageDeps, over: Partial<TriageRequest> = {}): TriageRequest {
  return { id: 'T1', service: 'payment-service', channelId: deps.channel.id, requestedBy: 'U0ALICE', responseUrl: 'https://hooks.slack.test/r1', ...over };
}
