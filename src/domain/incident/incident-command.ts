/** A change asked for with `/incident …` or a card button, queued and applied by a worker. */
export type IncidentCommand =
  | { kind: 'declare'; title: string }
  | { kind: 'severity'; severity: number }
  | { kind: 'lead'; leadSlackId: string }
  | { kind: 'note'; text: string }
  | { kind: 'timeline' }
  | { kind: 'resolve'; summary?: string | undefined }
  | { kind: 'action'; ownerId: string; due: string; text: string }
  | { kind: 'done'; itemId: string }
  | { kind: 'snooze'; itemId: string };

/** The commands about action items: applied by the post-mortem's flows, not the incident's. */
export type ActionItemCommand = Extract<IncidentCommand, { kind: 'action' | 'done' | 'snooze' }>;

/** The commands that change the incident itself. */
export type IncidentChange = Exclude<IncidentCommand, ActionItemCommand>;

export interface IncidentCommandRequest<C extends IncidentCommand = IncidentCommand> {
  /** Idempotency key (Slack's trigger_id or action_ts): keys the timeline entry and the channel line. */
  id: string;
  command: C;
  /** Who asked. */
  userId: string;
  /** Where it was asked. */
  channelId: string;
  /** The incident of that channel; absent for `declare`. */
  incidentId?: string | undefined;
  /** For answers only the requester sees. */
  responseUrl?: string | undefined;
}

/** Which flow applies the request: the post-mortem's for action items, the incident's for the rest. */
export function routeCommand(
  request: IncidentCommandRequest,
): { actionItem: IncidentCommandRequest<ActionItemCommand> } | { incident: IncidentCommandRequest<IncidentChange> } {
  const { command } = request;
  if (command.kind === 'action' || command.kind === 'done' || command.kind === 'snooze') return { actionItem: { ...request, command } };
  return { incident: { ...request, command } };
}
