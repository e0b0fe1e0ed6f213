// The members of a clustered dependency that says it is down (Redis CLUSTERDOWN): its pods, read
// one hop away through the Service the workload's env names, and the nodes lost around the time
// its missing members were re-created — a cluster goes down when it loses members, not by itself.
import type { NodeEvidence } from './evidence-node.js';
import type { EventEvidence, LogEvidence, PodEvidence } from './evidence-pod.js';
import type { ServerConfigEvidence } from './evidence-server-config.js';
import type { ConfigUpdateEvidence } from './evidence-config-update.js';
import type { BrokerTopologyEvidence } from './evidence-broker-topology.js';
import type { TopicReplicationEvidence } from './topic-replication.js';
import type { MemberClaimsEvidence } from './evidence-member-claims.js';
import type { MemberVolumeEvidence } from './evidence-member-volumes.js';
import type { ServerRolloutEvidence } from './evidence-server-rollout.js';
import type { ScramCredentialLine } from './evidence-scram-credentials.js';

export interface DependencyMembersEvidence {
  namespace: string;
  /** The Service the workload's env names; its selector found the pods. */
  service: string;
  /** The pods its selector selects (one page, at most a few dozen). */
  pods: PodEvidence[];
  /**
   * Node events of the hour that say a node went away (NodeNotReady, RemovingNode) and, for such
   * a node, its own events (a spot interruption); read only while a member is not running.
   */
  nodeLosses: EventEvidence[];
  /**
   * The nodes its members that do not serve are on (at most a few): a node that stopped posting
   * status holds its pods Terminating, and the StatefulSet does not replace them while it does.
   */
  nodes?: NodeEvidence[];
  /**
   * Where the clients' address was found when neither their env nor a Service on the server's port
   * names it: a key of a ConfigMap their container takes whole (envFrom), read for it alone.
   */
  address?: { env: string; host: string; configMap: string };
  /**
   * The previous log tails of members that keep crashing (at most two): their own reason (a torn commit log, a full disk);
   * for some signs the current tails of members that run unready (raft peers) or run ready but started recently (initial sync).
   */
  logs?: LogEvidence[];
  /**
   * Settings of the ConfigMaps a serving member mounts (at most two), read only for the setting the
   * clients' refusal turns on: auto.create.topics.enable when Kafka answers that a topic does not exist.
   */
  config?: ServerConfigEvidence[];
  /**
   * The readiness-probe failures (Unhealthy events) of members that run but are not ready (at most
   * two), read only for a refusal whose server says its own state there (a sealed Vault's `vault status`).
   */
  probeEvents?: EventEvidence[];
  /**
   * When the ConfigMaps its members mount (at most two) were last written, read only when it refuses
   * its clients' credentials: a server that re-reads its users at boot (RabbitMQ's definitions).
   */
  configUpdates?: ConfigUpdateEvidence[];
  /** The lines of a serving member's current log that say which identity a refused client certificate carried (at most four), read only when the clients' certificate is refused (certificate-reissue.ts). */
  identityLines?: string[];
  /**
   * The lines of its running members' logs about its users' SCRAM credentials (at most three members,
   * a dozen lines each), read only when the workload's SCRAM logins are refused with the mechanism
   * they use (scram-mechanism.ts): which mechanisms the user has credentials for.
   */
  scramCredentials?: ScramCredentialLine[];
  /**
   * The exchanges, queues and bindings of the definitions a serving member mounts (ConfigMaps, at
   * most two), read only when the broker returns the workload's publishes unroutable (NO_ROUTE).
   */
  topology?: BrokerTopologyEvidence[];
  /**
   * The replication factor (and min.insync.replicas) the topic definitions of a ConfigMap of its
   * namespace set for the topics its clients' refused writes name (at most three), read only when
   * Kafka refuses them for too few in-sync replicas (topic-replication.ts).
   */
  topicReplication?: TopicReplicationEvidence[];
  /**
   * The revision of the members' StatefulSet they run and the one before it, read only when the
   * workload's consumer requeues messages again and again (delivery-limit.ts): a broker upgrade
   * that brought a delivery limit in is the change the consumer's own history does not show.
   */
  rollout?: ServerRolloutEvidence;
  /**
   * The members' claims and their StatefulSet's claim retention policy, read only when one member
   * is far younger than its siblings (it may have come back on a new, empty claim).
   */
  memberClaims?: MemberClaimsEvidence;
  /**
   * The claims of members Pending on a volume node affinity conflict and the zones their volumes
   * are pinned to (at most two members), read only for such members.
   */
  volumes?: MemberVolumeEvidence[];
}
