// A Secret kept by a sync controller (External Secrets' ExternalSecret, a Vault operator's
// VaultStaticSecret, …) goes stale when the controller can no longer read its store: the Secret
// keeps the value of its last good sync. When the credential is rotated at the source meanwhile,
// the app presents the old one and is refused, though nothing in the cluster changed.
import type { EventEvidence, IsoTime } from './evidence.js';

export interface SecretSyncFailure {
  /** The Secret the pods read, named like the object that keeps it. */
  secret: string;
  /** The controller's object: ExternalSecret payments-api, VaultStaticSecret … */
  object: { kind: string; name: string };
  reason: string;
  /** The event's message on one line. */
  message: string;
  /** Why it fails, as the store's client said last ("AccessDenied: …"), when the message nests causes. */
  cause: string;
  count: number;
  since: IsoTime;
  lastSeen: IsoTime;
}

/** A sync controller's resource that keeps a Secret: its kind ends in Secret but is not the Secret itself. */
function isSyncObject(kind: string): boolean {
  return kind !== 'Secret' && /Secret$/.test(kind);
}

/** The innermost cause a nested error message gives ("… caused by: AccessDenied: …", "…, err: …"). */
function innermostCause(message: string): string {
  const parts = message.split(/\bcaused by:\s*|\berr(?:or)?:\s*/i);
  const last = (parts[parts.length - 1] ?? message).split('\n')[0]?.trim() ?? '';
  return last === '' ? message.split('\n')[0]?.trim() ?? '' : last;
}

/**
 * The Warning events of a sync controller's object named like one of `secrets` (its target Secret
 * takes its name by default), merged per object; the one failing longest first.
 */
export function findSecretSyncFailure(events: readonly EventEvidence[] | undefined, secrets: readonly string[]): SecretSyncFailure | undefined {
  const failing = (events ?? []).filter((e) => e.type === 'Warning' && isSyncObject(e.object.kind) && secrets.includes(e.object.name));
  const byObject = new Map<string, EventEvidence[]>();
  for (const e of failing) byObject.set(`${e.object.kind}/${e.object.name}`, [...(byObject.get(`${e.object.kind}/${e.object.name}`) ?? []), e]);
  const merged = [...byObject.values()].map((es) => {
    const newest = [...es].sort((a, b) => (a.lastSeen < b.lastSeen ? 1 : -1))[0] as EventEvidence;
    const since = es.map((e) => e.firstSeen).sort()[0] ?? newest.firstSeen;
    const message = newest.message.replace(/\s+/g, ' ').trim();
    return { secret: newest.object.name, object: { kind: newest.object.kind, name: newest.object.name }, reason: newest.reason, message, cause: innermostCause(newest.message), count: es.reduce((n, e) => n + e.count, 0), since, lastSeen: newest.lastSeen };
  });
  return merged.sort((a, b) => (a.since < b.since ? -1 : 1))[0];
}
