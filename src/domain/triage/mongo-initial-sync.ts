// A MongoDB replica-set member that runs and answers its probe but is still in initial sync
// (STARTUP2): it copies the data set from a sync source and confirms no write until it becomes
// SECONDARY, so it does not count toward a w:"majority" write yet. Read from its own current log:
// the 4.4+ structured JSON lines ("Replica set state transition" newState, "Starting initial sync
// attempt", "Initial sync status and statistics" with its byte counts) and the older plain-text
// words ("transition to STARTUP2", "initial sync pending/done"). Pure.
import { truncate } from '../text.js';

export interface MemberSync {
  /** "still in initial sync (STARTUP2; 19.2 of 41.9 GB copied, about 39 min left by its own estimate)". */
  said: string;
  /** The line that says it, shortened. */
  line: string;
}

const STATE_JSON = /"newState"\s*:\s*"(\w+)"/;
const STATE_TEXT = /\btransition to (\w+)\b/;
const SYNC_STARTS = /Starting initial sync|initial sync pending|"c"\s*:\s*"INITSYNC"|initialSyncStatus|\binitial sync(?:er)? (?:attempt|status|in progress)/i;
const SYNC_ENDS = /initial sync done|Initial sync (?:succeeded|finished)|Finished fetching all oplog entries|"status"\s*:\s*"(?:completed|succeeded)"/i;

function gb(bytes: number): string {
  return (bytes / 1e9).toFixed(1).replace(/\.0$/, '');
}

/** How far along its last progress line says it is: "19.2 of 41.9 GB copied, about 39 min left by its own estimate". */
function describeProgress(line: string): string | undefined {
  const copied = Number(/"approxTotalBytesCopied"\s*:\s*(\d+)/.exec(line)?.[1] ?? NaN);
  const total = Number(/"approxTotalDataSize"\s*:\s*(\d+)/.exec(line)?.[1] ?? NaN);
  const left = Number(/"remainingInitialSyncEstimatedMillis"\s*:\s*(\d+)/.exec(line)?.[1] ?? NaN);
  const parts = [
    ...(Number.isFinite(copied) && Number.isFinite(total) && total > 0 ? [`${gb(copied)} of ${gb(total)} GB copied`] : []),
    ...(Number.isFinite(left) ? [`about ${Math.max(1, Math.round(left / 60_000))} min left by its own estimate`] : []),
  ];
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** The member is still in initial sync by its own log (it entered STARTUP2 or began a sync, and never became SECONDARY since). */
export function readInitialSync(lines: readonly string[]): MemberSync | undefined {
  let syncing: string | undefined;
  let progress: string | undefined;
  let progressLine: string | undefined;
  for (const line of lines) {
    const state = STATE_JSON.exec(line)?.[1] ?? (/Replica set state transition|replSet|REPL/.test(line) || /\btransition to\b/.test(line) ? STATE_TEXT.exec(line)?.[1] : undefined);
    if (state !== undefined && /^(?:STARTUP2|SECONDARY|PRIMARY|RECOVERING|ARBITER|ROLLBACK|REMOVED)$/.test(state)) {
      syncing = state === 'STARTUP2' ? line : undefined;
      if (state !== 'STARTUP2') progress = progressLine = undefined;
      continue;
    }
    if (SYNC_ENDS.test(line)) {
      syncing = progress = progressLine = undefined;
      continue;
    }
    if (SYNC_STARTS.test(line)) {
      syncing ??= line;
      const p = describeProgress(line);
      if (p !== undefined) [progress, progressLine] = [p, line];
    }
  }
  if (syncing === undefined) return undefined;
  return { said: `still in initial sync (STARTUP2${progress ? `, ${progress}` : ''})`, line: truncate((progressLine ?? syncing).trim(), 300) };
}
