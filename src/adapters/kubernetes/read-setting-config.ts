// Where the workload's logs show a mechanism a setting decides — SQS deletes refused for expired
// receipt handles (the visibility timeout), Vault refusing every pod (its tokens' max TTL), MongoDB
// answering writes "not primary" (the connection string, password masked), a SQL server refusing writes as
// read-only (the database host, which may be the replicas' Service) — a get
// of the ConfigMaps the logging container takes variables from (envFrom, configMapKeyRef; at most
// two per mechanism), keeping only the keys that hold the setting. Where Vault refuses the pods and
// those name the role they log in with but no max TTL, a get of the namespace's ConfigMaps whose
// name or key names carry that role (at most two, from the namespace's list), keeping only the
// role's max-TTL line. Where SQS refuses the sends as FIFO ones (no MessageGroupId), the same gets,
// keeping only a value naming a .fifo queue; where Kafka brokers refuse the producer's codec, only
// the codec and brokers' version keys; where queue jobs are taken again past their tries, only the
// queue's redelivery-timeout and the worker's job-timeout keys; where a restarted container's liveness
// endpoint fails a health check, the ConfigMaps it mounts first (its config files), keeping only the
// liveness health group line; where a thread overflows its stack (java.lang.StackOverflowError), only the JVM
// options keys (JAVA_TOOL_OPTIONS…) that set a thread stack size (-Xss); where a metrics store refuses the pods' remote_write at
// a limit, the ConfigMaps the sender mounts, keeping only the scrape job names of its config file; where a Spring app is refused
// at the loopback default of a server whose properties Spring Boot 3 renamed (localhost:6379), the ConfigMaps it mounts first,
// then those it takes variables from, keeping only one line under the old prefix (spring.redis.host) of its config files, or
// those env keys (SPRING_REDIS_*); where two or more running pods' requests lose their session (writes answered 419 in bulk,
// "CSRF token mismatch") and no literal env names the session store, the ConfigMaps the container takes variables from,
// keeping only the session-store keys (SESSION_DRIVER); where the workload's own rate limiter refuses its callers at large,
// the ConfigMaps the refusing container mounts, then those it takes variables from, keeping only the limit (an Envoy token
// bucket, an nginx limit_req zone, RATE_LIMIT_* keys); where ClickHouse refuses the pods' INSERTs for too many partitions per
// block (code 252) naming their table, the ConfigMaps the pod mounts into any container (a migration step's too), keeping only
// that table's PARTITION BY; where a store refuses the pods' requests as signed past their time (a SAS, a presigned URL, a
// token), the ConfigMaps the refused container mounts, then those it takes variables from, keeping only each credential's
// expiry, never its signature; where a timeout error states its own limit, the ConfigMaps the container takes variables
// from, keeping only its timeout keys. Never a Secret; nothing at all while the logs show none.
import type { LogEvidence, PodEvidence } from '../../domain/triage/evidence.js';
import type { NamespaceObjectEvidence } from '../../domain/triage/evidence-context.js';
import type { SettingConfigEvidence } from '../../domain/triage/evidence-setting-config.js';
import { keepRoleSettings, keepSettings, pickRoleConfigMaps, pickSettingConfigReads } from '../../domain/triage/setting-config.js';
import type { CollectContext } from './collect-context.js';
import { getConfigMaps } from './get-config-maps.js';

export async function readSettingConfig(ctx: CollectContext, seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; configMaps: readonly NamespaceObjectEvidence[] }): Promise<SettingConfigEvidence[]> {
  const now = ctx.now().toISOString();
  const wanted = pickSettingConfigReads({ ...seen, now });
  const got = wanted.length === 0 ? [] : await getConfigMaps(ctx, wanted, 'ConfigMaps the pods take variables from, for the setting that decides what their logs show', (w) => w.configMap);
  const own = got.flatMap(({ item, value }) => keepSettings(item, item.configMap, value.data ?? {}));
  const roles = pickRoleConfigMaps({ ...seen, now }, own);
  if (roles === undefined) return own;
  const defined = await getConfigMaps(ctx, roles.configMaps, `ConfigMaps naming the Vault role ${roles.role}, for its max TTL`, (name) => name);
  return [...own, ...defined.flatMap(({ item, value }) => keepRoleSettings(roles.role, item, value.data ?? {}))];
}
