/**
 * `/incident` changes, applied by a worker: each under the incident's lock, written on
 * the timeline once (keyed by the request id), told in the channel once, and the card
 * brought up to date. A retried job repeats none of it. Commands about action items are the
 * post-mortem's (postmortem/action-items.ts); the composition root sends each request to its flow.
 */
import { RootcauseError } from '../../errors.js';
import { renderTimeline } from '../timeline/render-timeline.js';
import { newDeclaredIncident } from './incident.js';
import type { Incident } from './incident.js';
import type { IncidentChange, IncidentCommandRequest } from './incident-command.js';
import { channelOf } from './incident.js';
import { openIncidentChannel } from './open-incident-channel.js';
import type { OpenChannelDeps } from './open-incident-channel.js';
import { postOnce } from './post-once.js';
import { refreshIncidentPosts } from './refresh-incident.js';
import { resolveIncidentFromChat } from './resolve-incident.js';
import type { ResolveDeps } from './resolve-incident.js';

export type IncidentCommandDeps = OpenChannelDeps & ResolveDeps;

export async function applyIncidentCommand(deps: IncidentCommandDeps, request: IncidentCommandRequest<IncidentChange>): Promise<void> {
  const command = request.command;
  if (command.kind === 'declare') return declareIncident(deps, request, command.title);
  const incidentId = request.incidentId;
  if (incidentId === undefined) throw new RootcauseError('INCIDENT_NOT_FOUND', 'this channel is not an incident channel');
  switch (command.kind) {
    case 'timeline':
      return showTimeline(deps, request, incidentId);
    case 'resolve': {
      const { alreadyResolved } = await resolveIncidentFromChat(deps, incidentId, request.userId, { requestId: request.id, summary: command.summary });
      if (alreadyResolved && request.responseUrl !== undefined) await deps.chat.respond(request.responseUrl, 'This incident is already resolved.').catch(() => undefined);
      return;
    }
    case 'severity':
      return change(deps, request, incidentId, (i) => ({ ...i, severity: command.severity }), `Severity set to SEV${command.severity}`);
    case 'lead':
      return change(
        deps,
        request,
        incidentId,
        (i) => ({ ...i, leadSlackId: command.leadSlackId }),
        `${deps.chat.userMention(command.leadSlackId)} is now the incident lead`,
        async (i) => void (await deps.chat.inviteUsers(channelOf(i), [command.leadSlackId])),
      );
    case 'note':
      return change(deps, request, incidentId, (i) => i, `:memo: Note from ${deps.chat.userMention(request.userId)}: ${command.text}`);
  }
}

async function change(
  deps: IncidentCommandDeps,
  request: IncidentCommandRequest,
  incidentId: string,
  apply: (incident: Incident) => Incident,
  line: string,
  after?: (incident: Incident) => Promise<void>,
): Promise<void> {
  await deps.incidents.withLock(incidentId, async () => {
    const current = await deps.incidents.get(incidentId);
    if (current === undefined) throw new RootcauseError('INCIDENT_NOT_FOUND', `no incident ${incidentId}`);
    const incident = apply(current);
    await deps.incidents.save(incident);
    const by = deps.chat.userMention(request.userId);
    const text = request.command.kind === 'note' ? line : `${line} by ${by}`;
    await deps.timeline.append(incident.id, {
      key: `command/${request.id}`,
      at: deps.clock.now().toISOString(),
      source: 'slack',
      author: request.userId,
      text: request.command.kind === 'note' ? request.command.text : line,
      // Notes are what people chose to write down; changes of lead and severity are decisions.
      important: true,
    });
    await postOnce(deps, incident, `command/${request.id}`, channelOf(incident), { kind: 'text', text });
    await after?.(incident);
    // Severity sets the announcement's emoji and the lead is named there; a note shows in neither.
    await refreshIncidentPosts(deps, incident, { announcement: request.command.kind !== 'note' });
  });
}

async function declareIncident(deps: IncidentCommandDeps, request: IncidentCommandRequest, title: string): Promise<void> {
  // The request id makes a retried declare find the incident it already made. A record
  // saved just before a crash and never claimed is an orphan without a channel: harmless.
  let incidentId = await deps.incidents.incidentForRequest(request.id);
  if (incidentId === undefined) {
    const candidate = newDeclaredIncident(await deps.incidents.nextDeclaredNumber(), title, request.userId, deps.clock.now().toISOString());
    await deps.incidents.save(candidate);
    incidentId = await deps.incidents.claimRequest(request.id, candidate.id);
  }
  const incident = await deps.incidents.get(incidentId);
  if (incident === undefined) throw new RootcauseError('INCIDENT_NOT_FOUND', `declared incident ${incidentId} is missing`);
  await deps.incidents.withLock(incident.id, async () => {
    const fresh = (await deps.incidents.get(incident.id)) ?? incident;
    await deps.timeline.append(fresh.id, { key: 'slack/declared', at: fresh.createdAt, source: 'slack', author: request.userId, text: `Declared: ${fresh.title}`, important: true });
    const opened = await openIncidentChannel(deps, fresh);
    if (request.responseUrl !== undefined && opened.channel !== undefined) {
      await deps.chat.respond(request.responseUrl, `:rotating_light: Opened ${deps.chat.channelMention(opened.channel.id)} for "${opened.title}". You are the lead; \`/incident lead @someone\` hands it over.`).catch(() => undefined);
    }
  });
}

async function showTimeline(deps: Pick<IncidentCommandDeps, 'chat' | 'timeline' | 'clock'>, request: IncidentCommandRequest, incidentId: string): Promise<void> {
  const [entries, timeZone] = await Promise.all([deps.timeline.list(incidentId), deps.chat.userTimeZone(request.userId).catch(() => undefined)]);
  const documents = renderTimeline(entries, { timeZone: timeZone ?? 'UTC', now: deps.clock.now() });
  for (const [i, document] of documents.entries()) {
    await deps.chat.postEphemeral(request.channelId, request.userId, { key: `${incidentId}/timeline/${request.id}/${i}`, kind: 'document', document });
  }
}
