/**
 * A KRaft controller quorum whose static voter set (controller.quorum.voters) still lists
 * controllers that no longer exist: the controller StatefulSet was scaled below the voter count
 * ("the controllers are idle"). The per-pod names of the removed ordinals stop resolving, the
 * controllers left cannot win a majority of the listed voters, so the quorum has no leader and no
 * broker can register or elect partition leaders. A static voter set does not shrink with the
 * StatefulSet: the fix is to scale the controllers back to the voter count (removing voters needs
 * dynamic quorum reconfiguration first). Pure: reads the logs, the headless Service's endpoints.
 */
import type { EndpointSliceEvidence, LogEvidence } from './evidence.js';
import { parseDependencyError } from './dependency-error-line.js';
import { parsePerPodHost, type PerPodHost } from './per-pod-host.js';

/** The voter set as KRaft logs it: `voters=[0, 1, 2]`, `VoterSet(voters={0=…, 1=…})`, or the config dump `controller.quorum.voters = [0@h:9093, …]`. */
const VOTER_LIST = /\bvoters=\[(\d+(?:,\s*\d+)*)\]/;
const VOTER_SET = /VoterSet\(voters=\{(.*)\}\)/;
const QUORUM_VOTERS = /controller\.quorum\.voters\s*=\s*\[?((?:\d+@[\w.-]+:\d+,?\s*)+)/;

/** Lines read per log: the voter set is logged at start, the failures repeat. */
const MAX_LINES = 600;

export interface VoterGone {
  /** How many voters the set lists. */
  voters: number;
  statefulSet: string;
  service: string;
  /** The listed members whose pods do not exist (their names do not resolve), sorted. */
  missing: string[];
  /** The members the headless Service still has endpoints for. */
  present: string[];
}

/** The number of voters a KRaft log line lists; undefined when the line lists none. */
export function readVoterCount(line: string): number | undefined {
  const list = VOTER_LIST.exec(line)?.[1];
  if (list !== undefined) return list.split(',').length;
  const set = VOTER_SET.exec(line)?.[1];
  if (set !== undefined) return (set.match(/(?:^|, )\d+=VoterNode\(/g) ?? []).length || undefined;
  const quorum = QUORUM_VOTERS.exec(line)?.[1];
  if (quorum !== undefined) return (quorum.match(/\d+@/g) ?? []).length;
  return undefined;
}

/**
 * The voters of `host`'s StatefulSet that no longer exist, when the logs list a KRaft voter set
 * larger than the members the set's headless Service still has. Undefined otherwise.
 */
export function findVoterGone(host: PerPodHost, logs: readonly LogEvidence[], slices: readonly EndpointSliceEvidence[]): VoterGone | undefined {
  let voters: number | undefined;
  const missing = new Set<string>();
  for (const log of logs) {
    for (const line of log.lines.slice(-MAX_LINES)) {
      const n = readVoterCount(line);
      if (n !== undefined) voters = Math.max(voters ?? 0, n);
      const e = parseDependencyError(line);
      if (e?.problem !== 'dns-missing' || e.dependency === undefined) continue;
      const p = parsePerPodHost(e.dependency);
      if (p !== undefined && p.statefulSet === host.statefulSet && p.service === host.service) missing.add(p.pod);
    }
  }
  if (voters === undefined || voters < 2) return undefined;
  const present = [...new Set(slices.filter((s) => s.service === host.service).flatMap((s) => s.endpoints.flatMap((e) => (e.podName?.startsWith(`${host.statefulSet}-`) ? [e.podName] : []))))].sort();
  const gone = [...missing].filter((m) => !present.includes(m)).sort();
  // Only when the members left are too few to elect: the members gone make the quorum fail, not a blip.
  if (gone.length === 0 || present.length + gone.length > voters || present.length > voters / 2) return undefined;
  return { voters, statefulSet: host.statefulSet, service: host.service, missing: gone, present };
}

const andList = (xs: readonly string[]): string => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1] ?? ''}`);

export function explainVoterGone(v: VoterGone): { title: string; evidence: string[]; cause: string; action: string; fix: string; outsideWorkload: string } {
  const gone = andList(v.missing);
  const left = v.present.length;
  const fix = `scale StatefulSet ${v.statefulSet} back to ${v.voters} replicas, the voter count of controller.quorum.voters`;
  return {
    title: `: controller.quorum.voters lists ${v.voters} voters; ${gone} no longer exist (StatefulSet ${v.statefulSet} runs ${left}), so the controller quorum has no leader`,
    evidence: [
      `controller.quorum.voters (the KRaft voter set the logs list) has ${v.voters} voters`,
      `headless Service ${v.service} has only ${left === 0 ? 'no members' : andList(v.present)}: ${gone} do not exist, so their names do not resolve`,
    ],
    cause:
      `The KRaft voter set is static: controller.quorum.voters still lists ${v.voters} controllers, but StatefulSet ${v.statefulSet} was scaled below that (its pods ${gone} are gone). ` +
      `A leader needs a majority of the listed voters (${Math.floor(v.voters / 2) + 1} of ${v.voters}); with ${left} left no election succeeds, so brokers cannot register or heartbeat and partitions get no leader changes. Nothing is wrong with the brokers or DNS.`,
    action: `Scale StatefulSet ${v.statefulSet} back to ${v.voters} replicas (the voters' count) so the quorum can elect a leader again; to run fewer controllers, remove voters first by dynamic quorum reconfiguration (kafka-metadata-quorum remove-controller), then scale down.`,
    fix,
    outsideWorkload: `StatefulSet ${v.statefulSet} runs fewer controllers than controller.quorum.voters lists`,
  };
}
