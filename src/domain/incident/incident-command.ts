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

export interface IncidentCommandRequest {
  /** Idempotency key (Slack's trigger_id or action_ts): keys the timeline entry and the channel line. */
  id: string;
  command: IncidentCommand;
  /** Who asked. */
  userId: string;
  /** Where it was asked. */
  channelId: string;
  /** The incident of that channel; absent for `declare`. */
  incidentId?: string | undefined;
  /** For answers only the requester sees. */
  responseUrl?: string | undefined;
}
