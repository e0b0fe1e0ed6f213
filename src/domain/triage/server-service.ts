/**
 * The Service of the workload's namespace that serves a kind of server, found by its port when the
 * client's address is out of sight (a connection string kept in a Secret, which is never read):
 * a port numbered as that server's usual one, or named after it. Only when every such Service
 * selects the same pods (a headless Service and a ClusterIP one over one StatefulSet): two
 * different servers of that kind leave the client's one unknown.
 */
import type { ServiceEvidence } from './evidence.js';
import type { ServerKind } from './server-address.js';

const USUAL_PORTS: Record<ServerKind, { port: number; word: RegExp }> = {
  Redis: { port: 6379, word: /redis/i },
  PostgreSQL: { port: 5432, word: /postgres|\bpg\b/i },
  MySQL: { port: 3306, word: /mysql|mariadb/i },
  MongoDB: { port: 27017, word: /mongo/i },
  Elasticsearch: { port: 9200, word: /elastic|opensearch/i },
  RabbitMQ: { port: 5672, word: /amqp|rabbit/i },
  etcd: { port: 2379, word: /etcd/i },
  Cassandra: { port: 9042, word: /cassandra|\bcql\b/i },
  Kafka: { port: 9092, word: /kafka/i },
  memcached: { port: 11211, word: /memcache/i },
  ClickHouse: { port: 9000, word: /clickhouse/i },
  Vault: { port: 8200, word: /vault/i },
  MinIO: { port: 9000, word: /minio|\bs3\b/i },
  Consul: { port: 8500, word: /consul/i },
  gRPC: { port: 50051, word: /grpc/i },
  ZooKeeper: { port: 2181, word: /zookeeper|\bzk\b/i },
  Neo4j: { port: 7687, word: /bolt|neo4j/i },
  ProxySQL: { port: 6033, word: /proxysql/i },
};

function sameSelector(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

/** The one selected set of pods behind Services whose port says they serve `server`, named by the first such Service. */
export function findServerServiceByPort(services: readonly ServiceEvidence[], server: ServerKind, ownLabels: Record<string, string> = {}): ServiceEvidence | undefined {
  const usual = USUAL_PORTS[server];
  const serving = services.filter((s) => {
    const entries = Object.entries(s.selector);
    // A Service over the workload's own pods is not its dependency.
    if (entries.length === 0 || entries.every(([k, v]) => ownLabels[k] === v)) return false;
    return s.ports.some((p) => p.port === usual.port || p.targetPort === usual.port || usual.word.test(p.name ?? ''));
  });
  const first = serving[0];
  return first && serving.every((s) => sameSelector(s.selector, first.selector)) ? first : undefined;
}
