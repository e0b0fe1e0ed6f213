/**
 * A refusing server's own rollout as a fact of the refusal: "StatefulSet db rolled to revision 8
 * 3h ago (mysql image 5.7.44 → 8.0.40)", or a Deployment's, stated when the revision its pod runs is a recent change
 * (a day at most, or since the last successful run of a recurring client); an old revision is no news.
 */
import type { ServerRolloutEvidence } from './evidence-server-rollout.js';
import type { IsoTime } from './evidence-spec.js';
import { summarizeChange } from './revision-diff.js';
import { HOUR_MS, formatAgo, msBetween } from './time-span.js';

/** Older than this, the server's revision is no news of the refusal. */
const RECENT_MS = 24 * HOUR_MS;

export function describeServerRollout(r: ServerRolloutEvidence | undefined, now: IsoTime, lastGood?: IsoTime): { said: string; evidence: string } | undefined {
  if (r === undefined || r.previous === undefined) return undefined;
  // Older than a day, it is still news to a recurring client whose last good run came before it.
  const afterGood = lastGood !== undefined && msBetween(r.current.createdAt, now) > RECENT_MS && r.current.createdAt > lastGood;
  if (msBetween(r.current.createdAt, now) > RECENT_MS && !afterGood) return undefined;
  const change = summarizeChange(r.previous, r.current);
  const workload = r.statefulSet !== undefined ? `StatefulSet ${r.statefulSet}` : `Deployment ${r.deployment ?? ''}`;
  const after = afterGood && lastGood !== undefined ? `, after the last successful run (${formatAgo(lastGood, now)})` : '';
  const said = `${workload} rolled to revision ${r.current.revision} ${formatAgo(r.current.createdAt, now)}${change ? ` (${change})` : ''}${after}`;
  return { said, evidence: `${workload}: revision ${r.previous.revision} → ${r.current.revision} (${r.current.name}, created ${r.current.createdAt})${change ? `: ${change}` : ''}` };
}
