/**
 * A Redis whose own configuration makes every command cost more: `notify-keyspace-events` set
 * (KEA: an event published for every key change and expiry, fanned out to every pattern
 * subscriber) or `appendfsync always` (an fsync per write). Redis runs commands on one thread, so
 * under its CPU limit the extra work turns into latency and its clients' calls time out ("Timeout
 * reading from …", its own `redis-cli ping` probe timing out) while nothing is down. The setting sits
 * in the redis.conf a ConfigMap mounts; that ConfigMap's change (and the restart that applied it)
 * is the trigger. Pure: reads the workload's lines, the Redis pod's spec and its config settings.
 */
import type { LogEvidence, PodEvidence, TriageTarget } from './evidence.js';
import type { ServerConfigEvidence } from './evidence-server-config.js';
import { findInClusterService } from './down-service.js';
import { findServerAddress } from './server-address.js';
import { listMountedConfigMaps } from './server-config-file.js';

/** The client's words for a Redis call that timed out. */
export const REDIS_TIMEOUT = /(?=.*redis)(?=.*(?:timeout|timed out))/i;
/** Timeouts in the workload's logs before the Redis is worth a read. */
export const MIN_REDIS_TIMEOUTS = 3;

/** Settings that add work to every command, and when a value does. */
export const COSTLY_SETTINGS: readonly { setting: string; costly: (value: string) => boolean; cost: string }[] = [
  { setting: 'notify-keyspace-events', costly: (v) => v.replace(/["']/g, '').trim() !== '', cost: 'publishes a keyspace notification for every key change and expiry it selects' },
  { setting: 'appendfsync', costly: (v) => /^always$/i.test(v.trim()), cost: 'fsyncs its append-only file on every write' },
];

type Seen = { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; target: TriageTarget };

/** The workload's own current lines that say a Redis call timed out. */
export function findRedisTimeouts(seen: Pick<Seen, 'logs' | 'pods'>): { pod: string; line: string }[] {
  const own = new Set(seen.pods.map((p) => p.name));
  return seen.logs.filter((l) => !l.previous && own.has(l.pod)).flatMap((l) => l.lines.filter((x) => REDIS_TIMEOUT.test(x)).map((line) => ({ pod: l.pod, line: line.trim() })));
}

/** The Redis Service of the namespace the workload's address names. */
export function findRedisService(pods: readonly PodEvidence[], target: TriageTarget): { service: string; env: string } | undefined {
  for (const p of pods) {
    for (const c of p.containers) {
      const address = findServerAddress(c, 'Redis');
      const service = address ? findInClusterService(address.host, target.namespace) : undefined;
      if (address && service?.namespace === target.namespace) return { service: service.name, env: address.env };
    }
  }
  return undefined;
}

/** The Redis whose calls time out again and again: one of its pods is worth a read. */
export function pickTimedOutRedis(seen: Seen): string | undefined {
  return findRedisTimeouts(seen).length >= MIN_REDIS_TIMEOUTS ? findRedisService(seen.pods, seen.target)?.service : undefined;
}

/** The ConfigMaps the timed-out Redis's pod mounts, for the settings that cost every command: at most two. */
export function listCostlyConfigReads(seen: Seen, read: readonly { service: string; namespace?: string; pod: PodEvidence }[]): { service: string; configMaps: string[]; settings: string[] }[] {
  const service = pickTimedOutRedis(seen);
  const own = read.find((d) => d.service === service && d.namespace === undefined);
  const configMaps = own ? listMountedConfigMaps(own.pod) : [];
  return own && configMaps.length > 0 ? [{ service: own.service, configMaps, settings: COSTLY_SETTINGS.map((s) => s.setting) }] : [];
}

/** The costly settings the Redis's config sets, with what each costs. */
export function findCostlySettings(config: readonly ServerConfigEvidence[] | undefined): (ServerConfigEvidence & { cost: string })[] {
  return (config ?? []).flatMap((c) => {
    const known = COSTLY_SETTINGS.find((s) => s.setting.replace(/-/g, '_') === c.setting.replace(/-/g, '_'));
    return known && known.costly(c.value) ? [{ ...c, cost: known.cost }] : [];
  });
}
