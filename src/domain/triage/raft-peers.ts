/**
 * A raft cluster (Consul, Nomad, Vault's integrated storage: hashicorp/raft) that cannot elect a
 * leader because its peer set names addresses its servers no longer have: servers re-created with
 * new pod IPs on their old data volumes keep the old configuration, so vote requests go to the old
 * addresses and time out ("failed to make requestVote RPC … i/o timeout"), and no majority ever
 * answers. Read from the servers' own logs against their pods' current IPs.
 */
import type { LogEvidence, PodEvidence } from './evidence-pod.js';
import type { ClusterFormation } from './cluster-down-sign.js';
import { joinAnd } from '../text.js';

/** hashicorp/raft: `failed to make requestVote RPC: target="{Voter <id> 10.0.37.88:8300}" error="dial tcp …: i/o timeout"`. */
const VOTE_FAILED = /failed to make requestVote RPC: target="\{\w+ \S+ \[?([0-9a-f.:]+?)\]?:(\d+)\}"/i;
/** hashicorp/raft: `initial configuration: index=… servers="[{Suffrage:Voter ID:… Address:10.0.37.88:8300} …]"`. */
const CONFIGURED = /initial configuration:[^\n]*servers="\[([^\n"]*)\]"/;
const PEER_ADDRESS = /Address:\[?([0-9a-f.:]+?)\]?:(\d+)\}/gi;
/** hashicorp/raft: a server whose log is ahead refuses the candidates' votes. */
const AHEAD = /rejecting vote request since our last index is greater/i;

export function readRaftPeerFormation(logs: readonly LogEvidence[], pods: readonly PodEvidence[] = []): ClusterFormation | undefined {
  const current = new Set(pods.flatMap((p) => p.podIPs ?? []));
  if (current.size === 0) return undefined;
  const peers = new Map<string, { port: string; pod: string; line: string }>();
  const failed = new Map<string, { pod: string; line: string }>();
  for (const l of logs) {
    for (const line of l.lines) {
      const conf = CONFIGURED.exec(line)?.[1];
      if (conf !== undefined) for (const m of conf.matchAll(PEER_ADDRESS)) if (m[1] && m[2]) peers.set(m[1], { port: m[2], pod: l.pod, line: line.trim() });
      const vote = VOTE_FAILED.exec(line);
      if (vote?.[1] && vote[2]) {
        failed.set(vote[1], { pod: l.pod, line: line.trim() });
        if (!peers.has(vote[1])) peers.set(vote[1], { port: vote[2], pod: l.pod, line: line.trim() });
      }
    }
  }
  // Peers no server has now, that the servers still try to reach.
  const stale = [...peers.keys()].filter((ip) => !current.has(ip) && failed.has(ip));
  if (stale.length === 0) return undefined;
  const known = new Set(peers.keys());
  const moved = pods.filter((p) => (p.podIPs ?? []).length > 0 && !(p.podIPs ?? []).some((ip) => known.has(ip)));
  const ahead = [...new Set(logs.filter((l) => l.lines.some((x) => AHEAD.test(x))).map((l) => l.pod))];
  const port = peers.get(stale[0] ?? '')?.port ?? '8300';
  const movedSaid = moved.length > 0 ? ` (${joinAnd(moved.map((p) => p.name))} came back with new pod IPs)` : '';
  const firstVote = failed.get(stale[0] ?? '');
  const aheadLine = ahead.length > 0 ? logs.find((l) => l.pod === ahead[0])?.lines.find((x) => AHEAD.test(x))?.trim() : undefined;
  return {
    said: `its raft peers still list ${joinAnd(stale)}, addresses no server has now${movedSaid}: votes to them time out, no leader is elected`,
    cause: ` Raft keeps its peer set by address in each server's data: a server re-created with a new pod IP on its old volume is not the peer the others know, and every vote request to the old addresses (${joinAnd(stale.map((ip) => `${ip}:${port}`))}) times out, so no candidate reaches a majority${ahead.length > 0 ? `; ${joinAnd(ahead)} also reject${ahead.length === 1 ? 's' : ''} the others' votes because ${ahead.length === 1 ? 'its' : 'their'} log is ahead` : ''}. Restarting the clients or the servers as they are repeats it.`,
    fix: `restore the raft peer set to the servers' current addresses (outage recovery: a raft/peers.json with each server's ID and current IP in every server's data directory, then restart them); do not wipe the data volumes`,
    lines: [...(firstVote ? [{ ...firstVote, current: true as const }] : []), ...(aheadLine && ahead[0] ? [{ pod: ahead[0], line: aheadLine, current: true as const }] : [])],
  };
}
