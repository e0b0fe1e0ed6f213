// The routing topology a message broker is loaded with (RabbitMQ's definitions.json): its
// exchanges, queues and bindings, from a ConfigMap its members mount, read only when the
// workload's publishes are returned unroutable (NO_ROUTE). Names only: users, password hashes,
// the rest of the data are dropped as it is read; of a queue's arguments only the limits that drop
// messages (TTL, max length, a quorum queue's delivery limit), its type when quorum, and its
// dead-letter exchange are kept; of a policy, only its pattern and those same keys.

/** One binding as the definitions declare it: exchange `source` routes keys matching `routingKey` to `destination`. */
export interface BrokerBindingEvidence {
  source: string;
  destination: string;
  /** `queue` or `exchange`. */
  destinationType: string;
  routingKey: string;
  vhost?: string;
}

/** `rabbitmq-definitions (definitions.json)`: 2 exchanges, 4 queues, 3 bindings. */
export interface BrokerTopologyEvidence {
  configMap: string;
  key: string;
  exchanges: string[];
  queues: string[];
  bindings: BrokerBindingEvidence[];
  /** The queues whose arguments drop messages (x-message-ttl, x-max-length, x-delivery-limit) or that are quorum queues, with their dead-letter exchange when they have one. */
  queueLimits?: BrokerQueueLimitEvidence[];
  /** The policies that set a dead-letter exchange or a limit that drops messages. */
  policies?: BrokerPolicyEvidence[];
}

/** A policy's pattern and the keys of its definition that decide what a queue drops and where it goes. */
export interface BrokerPolicyEvidence {
  name: string;
  pattern: string;
  vhost?: string;
  /** `queues`, `quorum_queues`, `all`, …; absent means all. */
  applyTo?: string;
  priority?: number;
  deliveryLimit?: number;
  deadLetterExchange?: string;
}

/** A queue's own limits as its arguments declare them. */
export interface BrokerQueueLimitEvidence {
  name: string;
  ttlMs?: number;
  maxLength?: number;
  /** x-delivery-limit: deliveries after which a quorum queue drops (or dead-letters) a message; -1 is none. */
  deliveryLimit?: number;
  /** x-queue-type quorum, or the vhost's default queue type quorum for a queue that sets none. */
  quorum?: true;
  vhost?: string;
  deadLetterExchange?: string;
}
