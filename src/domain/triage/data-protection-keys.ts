/**
 * ASP.NET Core's Data Protection encrypts auth cookies, antiforgery tokens and TempData with the
 * keys of its key ring. Unless the app persists the ring to a store the replicas share
 * (PersistKeysToDbContext/…ToStackExchangeRedis/…ToAzureBlobStorage, a shared volume) with one
 * application name, each process makes its own key in its home directory or memory — and says so
 * at start ("Storing keys in a directory '…' that may not be persisted outside of the container",
 * "Using an in-memory repository"). With one replica nothing shows; with several, what one pod
 * protected another cannot unprotect: "The key {…} was not found in the key ring", "The
 * antiforgery token could not be decrypted", "Unprotect ticket failed". Users are logged out and
 * form posts fail with 400 at random while every pod stays Ready; more replicas bring it on.
 */
import type { IsoTime, LogEvidence } from './evidence.js';
import { readLineTime } from './request-silence.js';
import { DOTNET_RECORD_HEAD } from './dotnet-console-record.js';

/** Refusals it takes to call it the key ring, not one stale cookie. */
export const MIN_REFUSALS = 5;

/** A payload another key ring protected: the key unknown here, or what the framework says when it cannot decrypt. */
const REFUSED = /The key \{[0-9a-f-]+\} was not found in the key ring|The antiforgery token could not be decrypted|Unprotect ticket failed|Error unprotecting the session cookie/i;
/** Data Protection's start-up warnings that its keys live in the container (a directory) or in memory. */
const LOCAL_RING = /Storing keys in a directory '([^']+)' that may not be persisted outside of the container|Using an in-memory repository\. Keys will not be persisted/i;

export interface PerPodKeyRing {
  /** Where each pod keeps its ring, as its warning says: a directory inside the container, or memory. */
  where?: string;
  /** One entry per refused request: its pod, the refusal line, its time when the record is stamped. */
  refused: { pod: string; line: string; at?: IsoTime }[];
  pods: string[];
  first?: IsoTime;
}

/** The refusals of one log, one per record (a record's lines below its header repeat it). */
function listRefusals(log: LogEvidence): { pod: string; line: string; at?: IsoTime }[] {
  const out: { pod: string; line: string; at?: IsoTime }[] = [];
  let head: string | undefined;
  let counted = false;
  for (const line of log.lines) {
    if (DOTNET_RECORD_HEAD.test(line)) {
      head = line;
      counted = false;
      continue;
    }
    if (!REFUSED.test(line) || counted) continue;
    counted = head !== undefined;
    const at = readLineTime(head ?? line);
    // The framework's filter logs the same refusal again under its own header, stamped alike: one request.
    if (at !== undefined && out.some((r) => r.at === at)) continue;
    out.push({ pod: log.pod, line: line.trim(), ...(at ? { at } : {}) });
  }
  return out;
}

/**
 * Payloads one replica protected refused by another: at least MIN_REFUSALS requests on more than
 * one of the running pods, with the pods' own warning that their ring is local (or refusals on
 * every pod when no warning is logged).
 */
export function findPerPodKeyRing(logs: readonly LogEvidence[], pods: ReadonlySet<string>): PerPodKeyRing | undefined {
  if (pods.size < 2) return undefined;
  const mine = logs.filter((l) => !l.previous && pods.has(l.pod));
  const refused = mine.flatMap(listRefusals);
  const hit = [...new Set(refused.map((r) => r.pod))];
  if (refused.length < MIN_REFUSALS || hit.length < 2) return undefined;
  const warning = mine.flatMap((l) => l.lines).map((l) => LOCAL_RING.exec(l)).find((m) => m !== null);
  if (warning === undefined && hit.length < pods.size) return undefined;
  const where = warning ? (warning[1] !== undefined ? `${warning[1]}, inside its container` : 'in memory') : undefined;
  const times = refused.flatMap((r) => (r.at ? [r.at] : [])).sort();
  return { ...(where ? { where } : {}), refused, pods: hit, ...(times[0] ? { first: times[0] } : {}) };
}
