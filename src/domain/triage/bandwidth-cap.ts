/**
 * Outbound calls that time out from pods whose template caps their traffic with the bandwidth
 * CNI plugin's annotations (kubernetes.io/egress-bandwidth, kubernetes.io/ingress-bandwidth): the
 * plugin shapes every byte the pod sends (or takes in) to that rate, so a large transfer outlasts
 * the client's deadline while small calls still pass. Nothing drops or refuses the packets — no
 * NetworkPolicy, no firewall —; they are only slow. A revision that added or lowered the cap just
 * before the timeouts is the trigger; a cap already low is named at medium confidence. Pure.
 */
import type { IsoTime, PodEvidence, RevisionEvidence } from './evidence.js';
import { sortRevisions } from './revision-diff.js';
import { formatAgo } from './time-span.js';
import { isInTriggerWindow } from './trigger-window.js';

/** The bandwidth plugin's pod annotations, by the direction they shape (seen from the pod). */
const CAPS = [
  { annotation: 'kubernetes.io/egress-bandwidth', direction: 'outbound' },
  { annotation: 'kubernetes.io/ingress-bandwidth', direction: 'inbound' },
] as const;

/** A cap at or under this many bits per second is low for calls that carry payloads, whenever it was set. */
const LOW_BPS = 10_000_000;

const SUFFIX: Record<string, number> = { '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };

/** A Kubernetes quantity as the plugin reads it, in bits per second ("1M" → 1e6); undefined when not one. */
export function parseBandwidth(value: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(k|M|G|T|Ki|Mi|Gi|Ti)?\s*$/.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]) * (SUFFIX[m[2] ?? ''] ?? 1);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/** "1 Mbit/s (~125 kB/s)". */
export function formatBandwidth(bps: number): string {
  const bits = bps >= 1e9 ? `${round(bps / 1e9)} Gbit/s` : bps >= 1e6 ? `${round(bps / 1e6)} Mbit/s` : `${round(bps / 1e3)} kbit/s`;
  const bytes = bps / 8;
  const b = bytes >= 1e6 ? `${round(bytes / 1e6)} MB/s` : `${round(bytes / 1e3)} kB/s`;
  return `${bits} (~${b})`;
}

function round(n: number): string {
  return n >= 10 ? String(Math.round(n)) : String(Math.round(n * 10) / 10);
}

export interface BandwidthCap {
  annotation: string;
  direction: 'outbound' | 'inbound';
  value: string;
  bps: number;
  /** The revision the failing pods run, which carries the cap. */
  revision: RevisionEvidence;
  /** The value the revision before had; absent when it had none. */
  was?: string;
  /** The revision added or lowered the cap just before the failures began: it is the trigger. */
  dated: boolean;
}

/**
 * The tightest bandwidth cap the failing pods' revision carries that explains slow transfers:
 * one it added or lowered within the trigger window before the onset, or one low whatever its age.
 */
export function findBandwidthCap(revisions: readonly RevisionEvidence[], pods: readonly PodEvidence[], onset: IsoTime | undefined): BandwidthCap | undefined {
  const sorted = sortRevisions(revisions);
  const i = sorted.findIndex((r) => pods.some((p) => p.revisionHash !== undefined && p.revisionHash === r.hash));
  const revision = sorted[i];
  if (revision === undefined) return undefined;
  const before = sorted[i + 1];
  const caps = CAPS.flatMap(({ annotation, direction }) => {
    const value = revision.template?.annotations?.[annotation];
    const bps = value === undefined ? undefined : parseBandwidth(value);
    if (value === undefined || bps === undefined) return [];
    const was = before?.template?.annotations?.[annotation];
    const wasBps = was === undefined ? undefined : parseBandwidth(was);
    const tightened = before !== undefined && (wasBps === undefined || wasBps > bps);
    const dated = tightened && isInTriggerWindow(revision.createdAt, onset);
    if (!dated && bps > LOW_BPS) return [];
    return [{ annotation, direction, value, bps, revision, ...(was === undefined ? {} : { was }), dated }];
  });
  return caps.sort((a, b) => a.bps - b.bps)[0];
}

/** The words of a bandwidth cap behind calls that time out: title clause, evidence, cause, action, fix. */
export function explainBandwidthCap(cap: BandwidthCap, dependency: string | undefined, now: IsoTime): { title: string; evidence: string[]; cause: string; action: string; fix: string } {
  const rate = formatBandwidth(cap.bps);
  const rev = `revision ${cap.revision.revision}`;
  const since = cap.dated ? `${rev} (${formatAgo(cap.revision.createdAt, now)}) ${cap.was === undefined ? 'added' : `lowered from ${cap.was}`}` : `${rev} carries`;
  const pods = `the pods' annotation ${cap.annotation}: ${cap.value} caps their ${cap.direction} traffic at ${rate}`;
  const fix = `remove the ${cap.annotation} annotation from the pod template, or raise it to what the transfers need`;
  return {
    title: `Calls to ${dependency ?? 'a dependency'} time out: ${pods} (bandwidth plugin), so large transfers outlast the client's timeout`,
    evidence: [`${since} the pod annotation ${cap.annotation}: ${cap.value} (${rate})${cap.was === undefined ? '' : `; the revision before had ${cap.was}`}`],
    cause: `The bandwidth CNI plugin shapes each pod's ${cap.direction} traffic to ${cap.annotation} = ${cap.value}, ${rate}. Small calls still pass, but a transfer of tens of megabytes takes minutes at that rate and hits the client's timeout. The packets are slowed, not dropped or refused: the network path and the dependency are not at fault.`,
    action: `${fix[0]?.toUpperCase() ?? ''}${fix.slice(1)} (the pods are re-created with the new value)${cap.dated ? `, or roll back ${rev}` : ''}.`,
    fix,
  };
}
