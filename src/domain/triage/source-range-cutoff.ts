/**
 * A Service in front of the workload whose client source ranges (loadBalancerSourceRanges) were
 * written recently, after which a client that had sent requests steadily sent none while others
 * kept arriving — and that client's addresses fall outside every range: the cloud load balancer's
 * firewall drops it. A source-range edit alone is no failure; one that shuts out a regular client is.
 */
import type { IsoTime, TriageEvidence } from './evidence.js';
import type { ServiceEvidence } from './evidence-network.js';
import { cidrContains } from './egress-rules.js';
import { type SilentSource, type SourceSilence, findSilentSources } from './inbound-sources.js';
import { listSelectingServices } from './service-match.js';
import { HOUR_MS, MINUTE_MS, msBetween } from './time-span.js';

/** An edit this recent is a suspect; one younger than a few minutes has not had time to show a silence. */
const RECENT_MS = 12 * HOUR_MS;
const SETTLE_MS = 5 * MINUTE_MS;

export interface ShutOutSource extends SilentSource {
  /** Its addresses that no range admits. */
  outside: string[];
}

export interface SourceRangeCutoff {
  service: ServiceEvidence;
  ranges: string[];
  changedAt: IsoTime;
  /** The silent sources the ranges leave out. */
  shutOut: ShutOutSource[];
  continuing: SourceSilence['continuing'];
}

/** Whether any range admits the address; undefined when that cannot be told (not IPv4). */
function isAdmitted(ranges: readonly string[], address: string): boolean | undefined {
  const checks = ranges.map((r) => cidrContains(r, address));
  if (checks.some((c) => c === true)) return true;
  return checks.every((c) => c === false) ? false : undefined;
}

export function findSourceRangeCutoff(ev: TriageEvidence): SourceRangeCutoff | undefined {
  const own = new Set(ev.pods.map((p) => p.name));
  const logs = ev.logs.filter((l) => own.has(l.pod));
  for (const service of listSelectingServices(ev)) {
    const sr = service.sourceRanges;
    if (sr === undefined || sr.ranges.length === 0) continue;
    // The field's own write time; else when the Service was last written.
    const changedAt = sr.setAt ?? ev.namespaceObjects?.find((o) => o.kind === 'Service' && o.name === service.name)?.changedAt;
    if (changedAt === undefined) continue;
    const age = msBetween(changedAt, ev.collectedAt);
    if (age > RECENT_MS || age < SETTLE_MS) continue;
    const silence = findSilentSources(logs, changedAt, ev.collectedAt);
    if (silence === undefined) continue;
    const shutOut = silence.silent.flatMap((s) => {
      const outside = s.addresses.filter((a) => isAdmitted(sr.ranges, a) === false);
      return outside.length > 0 ? [{ ...s, outside }] : [];
    });
    if (shutOut.length === 0) continue;
    return { service, ranges: sr.ranges, changedAt, shutOut, continuing: silence.continuing };
  }
  return undefined;
}
