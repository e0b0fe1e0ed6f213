// The routing topology a message broker is loaded with (RabbitMQ's definitions.json): its
// exchanges, queues and bindings, from a ConfigMap its members mount, read only when the
// workload's publishes are returned unroutable (NO_ROUTE). Names only: users, password hashes,
// policies and the rest of the data are dropped as it is read; of a queue's arguments only the
// limits that drop messages (TTL, max length) and its dead-letter exchange are kept.

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
  /** The queues whose arguments drop messages (x-message-ttl, x-max-length), with their dead-letter exchange when they have one. */
  queueLimits?: BrokerQueueLimitEvidence[];
}

/** A queue's own limits as its arguments declare them. */
export interface BrokerQueueLimitEvidence {
  name: string;
  ttlMs?: number;
  maxLength?: number;
  deadLetterExchange?: string;
}
