/**
 * Which flow each job runs, and with which ports: each flow is handed the ports it declares and
 * no more. Neither the incident nor the triage depends on the post-mortem: what follows a
 * resolve, which flow applies an action-item command, and what an incident keeps of a triage
 * are decided here, above them all.
 */
import type { JobHandlers } from './adapters/queue/workers.js';
import type { ChatMessage } from './domain/chat-message.js';
import { applyIncidentCommand } from './domain/incident/apply-incident-command.js';
import { handlePageEvent } from './domain/incident/handle-page-event.js';
import type { PageEventDeps } from './domain/incident/handle-page-event.js';
import { routeCommand } from './domain/incident/incident-command.js';
import type { IncidentPorts } from './domain/incident/incident-ports.js';
import type { Chat } from './domain/ports.js';
import type { Cluster } from './domain/triage/triage-ports.js';
import { applyActionItemCommand, sendReminder } from './domain/postmortem/action-items.js';
import type { ActionItemPorts } from './domain/postmortem/postmortem-ports.js';
import { sendOverdueDigests } from './domain/postmortem/overdue-digest.js';
import { publishPostmortem } from './domain/postmortem/publish-postmortem.js';
import { recordRollouts } from './domain/postmortem/record-rollouts.js';
import { runTriage } from './domain/triage/run-triage.js';
import type { TriageDeps } from './domain/triage/run-triage.js';
import type { Logger } from './logger.js';

/** Every port the flows are built from, as the composition root made them. */
export type FlowPorts = Omit<IncidentPorts, 'chat' | 'afterResolve' | 'log'> &
  Omit<ActionItemPorts, 'chat'> & {
    /** One chat for every flow: it shows every kind of message. */
    chat: Chat<ChatMessage>;
    cluster: Cluster;
    log: Logger;
    /** Budget for reading the cluster in a triage (run-triage.ts has the default). */
    triageBudgetMs: number | undefined;
  };

export function wireFlows(p: FlowPorts): JobHandlers {
  const { chat, ledger, incidents, timeline, clock } = p;
  const itemDeps = { chat, ledger, items: p.items, reminders: p.reminders, incidents, timeline, clock };
  const incidentDeps: PageEventDeps = {
    chat,
    ledger,
    pager: p.pager,
    incidents,
    timeline,
    catalog: p.catalog,
    clock,
    log: p.log.child({ component: 'incidents' }),
    announceChannel: p.announceChannel,
    requestTriage: p.requestTriage,
    clusterWatch: p.clusterWatch,
    afterResolve: (incident, resolverSlackId) => publishPostmortem(itemDeps, incident, resolverSlackId),
  };
  const triageDeps: TriageDeps = {
    chat,
    ledger,
    cluster: p.cluster,
    catalog: p.catalog,
    timeline,
    clock,
    log: p.log.child({ component: 'triage' }),
    budgetMs: p.triageBudgetMs,
    clusterWatch: p.clusterWatch,
    keepForIncident: (incidentId, report) => recordRollouts(timeline, incidentId, report),
  };
  return {
    pageEvent: (event) => handlePageEvent(incidentDeps, event),
    triage: (request, attempt, attempts) => runTriage(triageDeps, request, attempt, attempts),
    incidentCommand: (request) => {
      const route = routeCommand(request);
      return 'actionItem' in route ? applyActionItemCommand(itemDeps, route.actionItem) : applyIncidentCommand(incidentDeps, route.incident);
    },
    reminder: (job) => sendReminder(itemDeps, job),
    overdueDigest: () => sendOverdueDigests(itemDeps),
  };
}
