/**
 * The revision that cut the CPU limit a set of pods runs with, however old it is, and the signs a
 * throttled process leaves: read by the CPU-starvation finding and by the crash readings whose
 * mechanism is a process too slow for its own deadlines (a leader lease it cannot renew in time).
 */
import type { PodEvidence, RevisionEvidence, TriageEvidence } from './evidence.js';
import { unique } from './pod-status.js';
import { parseQuantity } from './quantity.js';
import { sortRevisions } from './revision-diff.js';

/** What runtimes log when their threads do not get the CPU in time. */
export const CPU_STARVED = /Thread starvation or clock leap detected|throttled \d+(?:\.\d+)?% of (?:the )?(?:CFS )?periods|\bnr_throttled\b|CPU throttling/i;

/** A probe that failed for want of an answer in time, not for a wrong one. */
export const PROBE_TIMEOUT = /^(Readiness|Liveness|Startup) probe failed:.*(context deadline exceeded|Client\.Timeout|timeout|timed out)/i;

export interface CpuLimitCut {
  container: string;
  revision: RevisionEvidence;
  previous: RevisionEvidence;
  before: string;
  after: string;
  requestBefore?: string;
  requestAfter?: string;
}

function cpuOf(r: RevisionEvidence, container: string, kind: 'limits' | 'requests'): string | undefined {
  return r.containers.find((c) => c.name === container)?.resources[kind]['cpu'];
}

/** The revision that set the CPU limit `pods` run with, when the revision before it allowed more. */
export function findCpuLimitCut(ev: TriageEvidence, pods: readonly PodEvidence[], container: string): CpuLimitCut | undefined {
  const hashes = unique(pods.map((p) => p.revisionHash ?? ''));
  const [hash] = hashes;
  if (hashes.length !== 1 || hash === undefined) return undefined;
  const sorted = sortRevisions(ev.revisions);
  const from = sorted.findIndex((r) => r.hash === hash);
  const current = sorted[from];
  if (current === undefined) return undefined;
  const after = cpuOf(current, container, 'limits');
  const limit = parseQuantity(after);
  if (after === undefined || limit === undefined) return undefined;
  for (let i = from; i + 1 < sorted.length; i++) {
    const [newer, older] = [sorted[i] as RevisionEvidence, sorted[i + 1] as RevisionEvidence];
    const before = cpuOf(older, container, 'limits');
    if (before === after) continue;
    const was = parseQuantity(before);
    // No limit before, or a higher one: the revision took CPU away.
    if (before !== undefined && (was === undefined || was <= limit)) return undefined;
    const requestBefore = cpuOf(older, container, 'requests');
    const requestAfter = cpuOf(newer, container, 'requests');
    return { container, revision: newer, previous: older, before: before ?? 'none', after, ...(requestBefore ? { requestBefore } : {}), ...(requestAfter ? { requestAfter } : {}) };
  }
  return undefined;
}

/** "restore the CPU limit of app to 2 and set its request back to 1 (revision 6's values)". */
export function describeCpuRestore(cut: CpuLimitCut): string {
  const request = cut.requestBefore && cut.requestBefore !== cut.requestAfter ? ` and set its request back to ${cut.requestBefore}` : '';
  return `${cut.before === 'none' ? `remove the CPU limit of ${cut.container}` : `restore the CPU limit of ${cut.container} to ${cut.before}`}${request} (revision ${cut.previous.revision}'s values)`;
}

/** " (request 1 → 300m)" when the revision changed the request too. */
export function describeRequestChange(cut: CpuLimitCut): string {
  return cut.requestBefore !== cut.requestAfter && cut.requestAfter !== undefined ? ` (request ${cut.requestBefore ?? 'none'} → ${cut.requestAfter})` : '';
}

/**
 * Work a process logs as slower than it should be (a controller's slow reconciles, requests held
 * back by its own client): with a CPU cut behind it, a throttled process. Heuristic words.
 */
export const SLOW_WORK = /\bslow (?:reconcil\w*|sync\w*|request|call|query|operation|handler)\b|"msg":"slow\b|\btook too long\b|due to client-side throttling/i;
