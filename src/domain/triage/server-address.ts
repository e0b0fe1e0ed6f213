/**
 * Where a client's container says its server lives: a URL of the server's scheme in an env value
 * (or Go's MySQL DSN, user@tcp(host:port)/db), or a `*_HOST` / `*_ADDR` / `*_NODES` variable named after it. A cluster client's seed list
 * (`REDIS_CLUSTER_NODES=a:6379,b:6379`) names the first seed: every seed leads to the same cluster.
 */
import type { ContainerEvidence } from './evidence-pod.js';

/** The kinds of server a client library names in its errors. */
export type ServerKind = 'Redis' | 'PostgreSQL' | 'MySQL' | 'MongoDB' | 'Elasticsearch' | 'RabbitMQ' | 'etcd' | 'Cassandra' | 'Kafka' | 'memcached' | 'ClickHouse' | 'Vault' | 'MinIO' | 'Consul' | 'gRPC' | 'ZooKeeper' | 'Neo4j' | 'ProxySQL';

const URL_SCHEMES: Record<ServerKind, RegExp> = {
  Redis: /^rediss?:\/\//i,
  // SQLAlchemy names the driver after a plus: postgresql+psycopg2://, mysql+pymysql://.
  PostgreSQL: /^(jdbc:)?postgres(ql)?(\+\w+)?:\/\//i,
  MySQL: /^(jdbc:)?(mysql(x)?|mariadb)(\+\w+)?:\/\//i,
  MongoDB: /^mongodb(\+srv)?:\/\//i,
  Elasticsearch: /^https?:\/\//i,
  RabbitMQ: /^amqps?:\/\//i,
  etcd: /^https?:\/\//i,
  // Cassandra and Kafka clients take bare host:port lists (contact points, bootstrap servers): only the env name says which.
  Cassandra: /^cassandra:\/\//i,
  Kafka: /^kafka:\/\//i,
  // memcached clients take bare host:port lists too (MEMCACHED_SERVERS=a:11211,b:11211).
  memcached: /^memcached?:\/\//i,
  // clickhouse://, clickhouse+native://, jdbc:clickhouse://, jdbc:ch://; or host:port in a CLICKHOUSE_ADDR.
  ClickHouse: /^(jdbc:)?(clickhouse|ch)(\+[a-z]+)?s?:\/\//i,
  // VAULT_ADDR, the address every Vault client (CLI, agent, hvac, the Go API) reads.
  Vault: /^https?:\/\//i,
  // MinIO (S3) clients take an endpoint: a URL, or host:port in an *_ENDPOINT named after MinIO or S3.
  MinIO: /^https?:\/\//i,
  // CONSUL_HTTP_ADDR, spring.cloud.consul.host: a URL or a host, in an env named after Consul.
  Consul: /^https?:\/\//i,
  // grpc:// targets; dns:///host:port ones are read by the refusal's own address (grpc-stream-limit.ts).
  gRPC: /^grpcs?:\/\//i,
  // ZooKeeper clients take a bare connect string (host:2181,host:2181): read by the refusal's own address (zookeeper-client-limit.ts).
  ZooKeeper: /^zk:\/\//i,
  // Neo4j's drivers: neo4j:// (routing) or bolt:// (one server), +s / +ssc for TLS.
  Neo4j: /^(neo4j|bolt)(\+s|\+ssc)?:\/\//i,
  // ProxySQL's clients address it as the MySQL it fronts: read by the refusal's own address (proxysql-hostgroup.ts).
  ProxySQL: /^proxysql:\/\//i,
};

/** Servers addressed by a plain http(s) URL: the env var's name must say which server it is. */
const HTTP_SERVERS: ReadonlySet<ServerKind> = new Set(['Elasticsearch', 'etcd', 'Vault', 'MinIO', 'Consul']);

/** Servers with an HTTP interface beside their own scheme (ClickHouse's on 8123, clickhouse-connect's default): an http(s) URL counts when the env var's name says which server it is. */
const ALSO_HTTP: ReadonlySet<ServerKind> = new Set(['ClickHouse']);
const HTTP_URL = /^https?:\/\//i;

/** Env names that hold an address (or a list of them), not a setting. */
const ADDRESS_NAME = /(HOST|ADDR|ADDRESS|SERVER|NODE|SEED|ENDPOINT|BROKER|CONTACT_POINT)S?$/i;
const HOST_LIST = /^[a-z0-9.-]+(:\d+)?(\s*,\s*[a-z0-9.-]+(:\d+)?)*$/i;
/** Go's MySQL driver DSN, `user[:password]@tcp(host[:port])/db`: its own form, in an env named anything (DB_WRITE_DSN). */
const GO_MYSQL_DSN = /^(?:[^@\s]*@)?tcp\((?<host>[^:()\s]+)(?::\d+)?\)\//i;

/** The env var that holds the server's address: a URL of its scheme, or a *_HOST / *_ADDR / *_NODES named after it. */
export function findServerAddress(c: Pick<ContainerEvidence, 'env'>, server: ServerKind): { env: string; host: string } | undefined {
  const word = server === 'PostgreSQL' ? /POSTGRES|PG|DATABASE|DB/i : server === 'Elasticsearch' ? /ELASTIC|ES_|OPENSEARCH/i : server === 'Kafka' ? /KAFKA|BOOTSTRAP/i : server === 'memcached' ? /MEMCACHE/i : server === 'MinIO' ? /MINIO|S3/i : server === 'MySQL' ? /MYSQL|MARIADB|DATABASE|DB/i : new RegExp(server, 'i');
  for (const e of c.env ?? []) {
    if (!('value' in e)) continue;
    const v = e.value.trim();
    const byHttp = ALSO_HTTP.has(server) && HTTP_URL.test(v) && word.test(e.name);
    if ((URL_SCHEMES[server].test(v) && (!HTTP_SERVERS.has(server) || word.test(e.name))) || byHttp) {
      const host = /^(?:jdbc:)?[a-z0-9+]+:\/\/(?:[^@/]*@)?([^:/?#,]+)/i.exec(v)?.[1];
      if (host) return { env: e.name, host };
    }
    const dsnHost = server === 'MySQL' ? GO_MYSQL_DSN.exec(v)?.groups?.['host'] : undefined;
    if (dsnHost) return { env: e.name, host: dsnHost };
    if (word.test(e.name) && ADDRESS_NAME.test(e.name) && HOST_LIST.test(v)) return { env: e.name, host: (v.split(',')[0] ?? '').trim().replace(/:\d+$/, '') };
  }
  return undefined;
}

/** The address among the keys of a ConfigMap a container takes whole (envFrom): each key is an env var of that name. */
export function findServerAddressIn(data: Record<string, string>, server: ServerKind): { env: string; host: string } | undefined {
  return findServerAddress({ env: Object.entries(data).map(([name, value]) => ({ name, value })) }, server);
}
