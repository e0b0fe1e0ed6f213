// What a clustered (or sealed) server tells its clients when it cannot serve them, and what that
// means on its side: the signs cluster-down.ts looks for, each server's in its own entry.
import type { ServerKind } from './server-address.js';
import type { LogEvidence, PodEvidence } from './evidence-pod.js';

export interface ClusterDownSign {
  server: ServerKind;
  /** What the cluster is called: "Redis Cluster". */
  cluster: string;
  pattern: RegExp;
  /** The server's own word for it, quoted in the title: "CLUSTERDOWN". */
  token: string;
  /**
   * What the clients log once they find the cluster serving again (Kafka's "Discovered group
   * coordinator"): a refusal logged before such a line in the same log is over, not counted.
   */
  cleared?: RegExp;
  /** What the server means by it: why a cluster answers so. */
  meaning: string;
  /** Asked of a member, it shows the cluster's own view: which slots or members are missing. */
  check: string;
  /** What the title says of it: "is down" unless set ("has no primary"). */
  state?: string;
  /** It keeps serving only while a majority of its members are up (an elected primary): the count up is said against it. */
  majority?: boolean;
  /**
   * The refusal's own words for the title, read from the line, in place of "<state> (<token>)":
   * "cannot reach consistency QUORUM (2 required but only 1 alive)".
   */
  describe?: (line: string) => string | undefined;
  /** What holds again once the members rejoin: "a primary is elected". */
  recovers?: string;
  /**
   * The Service the clients name selects the refusing primary alone (its role label): the members
   * its refusal waits for are the rest of its set, read by that selector without the role label.
   */
  wholeSet?: true;
  /** The topics its refusals name, whose replication the topic definitions of the members' namespace set (topic-replication.ts). */
  topics?: (lines: readonly string[]) => string[];
  /** Settings of the server's own config (a file a ConfigMap mounts) that set the limit it refuses at. */
  settings?: readonly string[];
  /** What eases it while the members are brought back, at the cost the sign says. */
  stopgap?: string;
  /**
   * What a member that runs but is not ready says of itself in its failing readiness probe (a
   * sealed Vault's `vault status`): the probe's Unhealthy events of such members are read for it.
   */
  readiness?: (message: string) => MemberReadiness | undefined;
  /** The fix on members that run but do not serve (unseal them), in place of bringing them back. */
  remedy?: (members: string, readiness: MemberReadiness | undefined) => string;
  /**
   * The clients meet it only when they start (they fetch what they need then): pods started
   * before it keep running. Says why, after "these pods fail because …".
   */
  atStart?: string;
  /**
   * The refusal is the server's coordination service's (ClickHouse's Keeper or ZooKeeper): the
   * members read are those of the clients' namespace's one Service so named, not the server's.
   */
  coordinator?: RegExp;
  /**
   * Why the cluster cannot form, read from its members' own logs (the previous runs of those that
   * keep crashing): a Galera cluster none of whose nodes may bootstrap. It names the mechanism and
   * the fix in place of "what stops each member at every start". Given the members' pods too (their
   * current addresses), for a raft peer set that names addresses no member has now.
   */
  formation?: (logs: readonly LogEvidence[], pods?: readonly PodEvidence[]) => ClusterFormation | undefined;
  /**
   * Its members run but do not serve, and their current logs say why (a raft server that cannot
   * win an election): the current log tails of members that run unready are read for formation.
   */
  memberLogs?: true;
  /**
   * A statement run once meets it once (a migration's ON CLUSTER DDL that timed out ends the run):
   * one line is enough, where one refused call among many is noise.
   */
  once?: true;
  /**
   * A member that runs and is ready may still not count toward the writes it refuses (a MongoDB
   * member in initial sync): the current log tails of members that run ready and started recently
   * (at most two) are read, and this says from its log whether it still catches up.
   */
  memberSync?: (lines: readonly string[]) => { said: string; line: string } | undefined;
}

/** What the members' logs say of why the cluster cannot form, and what forms it again. */
export interface ClusterFormation {
  /** For the title: "no member may bootstrap it (safe_to_bootstrap: 0 …)". */
  said: string;
  /** Why that keeps it down, for the likely cause. */
  cause: string;
  fix: string;
  /** The members' lines that say it, as `log <pod> (previous run): …` evidence (`current`: of the running one). */
  lines: { pod: string; line: string; current?: true }[];
}

/** What a member's failing readiness probe says of its state, and what the fix needs from it. */
export interface MemberReadiness {
  /** "Sealed true, shamir seal, unseal progress 0/3". */
  said: string;
  /** "3 of its 5 key shares". */
  needs?: string;
}
