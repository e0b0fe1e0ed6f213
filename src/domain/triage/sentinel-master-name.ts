/**
 * A Redis Sentinel client asks Sentinel for the master of a named set (`mymaster`); Sentinel answers
 * only for the sets its config monitors (`sentinel monitor <name> …`). When the set was renamed on
 * the Sentinel side (a chart's masterSet changed) and the clients still ask for the old name, every
 * lookup fails — redis-py "No master found for 'mymaster'", Sentinel "ERR No such master with that
 * name", Jedis "mymaster seems to be not monitored" — while Redis itself is healthy. Pure.
 */
import type { LogEvidence } from './evidence.js';
import type { NamespaceObjectEvidence } from './evidence-context.js';
import type { SentinelConfigEvidence } from './evidence-sentinel-config.js';
import type { ContainerSpecEvidence } from './evidence-pod.js';
import type { ToldReading } from './told-reading.js';
import { formatAgo } from './time-span.js';

/** The clients' wording, with the set name they asked for. */
const ASKED = [
  /No master found for ['"]?([\w.-]+?)['"]?(?:\s|$|:)/,
  /Can connect to sentinel, but ([\w.-]+) seems to be not monitored/,
  /Cannot provide redisAddress using sentinel for masterId ([\w.-]+)/,
];
/** Sentinel's own answer, which names no set. */
const NO_SUCH_MASTER = /ERR No such master with that name/;
/** ConfigMaps whose key names a Sentinel config; at most this many are read. */
const SENTINEL_KEY = /sentinel/i;
export const MAX_SENTINEL_CONFIGS = 3;

/** The master set name the logs ask Sentinel for and are told it does not know; undefined when none. */
export function findAskedMasterName(lines: readonly string[]): string | undefined {
  for (const line of lines) {
    for (const re of ASKED) {
      const m = re.exec(line);
      if (m?.[1]) return m[1];
    }
  }
  return undefined;
}

/** The set names a Sentinel config monitors. */
export function readSentinelMonitors(text: string): string[] {
  return [...new Set([...text.matchAll(/^\s*sentinel\s+monitor\s+(\S+)/gim)].map((m) => m[1] ?? '').filter((n) => n !== ''))];
}

/** The namespace's ConfigMaps holding a Sentinel config, where the workload's logs ask Sentinel for an unknown master set. */
export function pickSentinelConfigReads(ev: { logs: readonly LogEvidence[]; namespaceObjects: readonly NamespaceObjectEvidence[] }): string[] {
  const lines = ev.logs.filter((l) => !l.previous).flatMap((l) => l.lines);
  if (findAskedMasterName(lines) === undefined && !lines.some((l) => NO_SUCH_MASTER.test(l))) return [];
  return ev.namespaceObjects
    .filter((o) => o.kind === 'ConfigMap' && (o.keys ?? []).some((k) => SENTINEL_KEY.test(k)))
    .slice(0, MAX_SENTINEL_CONFIGS)
    .map((o) => o.name);
}

/** The reading of the quoted line as a master set name Sentinel does not monitor, when its config names another. */
export function readSentinelMasterName(told: string, lines: readonly string[], container: ContainerSpecEvidence | undefined, configs: readonly SentinelConfigEvidence[], now?: string): ToldReading | undefined {
  if (!NO_SUCH_MASTER.test(told) && findAskedMasterName([told]) === undefined) return undefined;
  const asked = findAskedMasterName([told, ...lines]);
  if (asked === undefined) return undefined;
  const config = configs.find((c) => c.monitors.length > 0 && !c.monitors.includes(asked));
  if (config === undefined || configs.some((c) => c.monitors.includes(asked))) return undefined;
  const monitored = config.monitors.map((n) => `'${n}'`).join(', ');
  const env = (container?.env ?? []).find((e) => 'value' in e && e.value === asked);
  const setting = env ? `${env.name}` : 'the client\'s Sentinel master name';
  const first = config.monitors[0] ?? '';
  const changed = config.changedAt !== undefined && now !== undefined ? formatAgo(config.changedAt, now) : undefined;
  return {
    title: `Sentinel monitors ${monitored} (ConfigMap ${config.configMap}${changed ? `, changed ${changed}` : ''}), the client asks for '${asked}'`,
    cause: `the client asks Redis Sentinel for the master of set '${asked}'${env ? ` (${env.name})` : ''}, but the Sentinels monitor only ${monitored} (ConfigMap ${config.configMap}, key ${config.key}: sentinel monitor ${first} …), so every lookup answers "No such master with that name" and no connection is made. The set was renamed on the Sentinel side; Redis itself is healthy, and restarting the clients does not help.`,
    action: `Set ${setting} to '${first}' (or restore the Sentinel's old set name '${asked}'), then restart the clients.`,
    fix: `set ${setting} to '${first}' (the name the Sentinels monitor), or restore the old master set name '${asked}'`,
    ...(changed ? { datesChange: true as const } : {}),
    evidence: [`ConfigMap ${config.configMap} (key ${config.key}) monitors ${monitored}${changed ? `, changed ${changed}` : ''}; the client asks for '${asked}'${env ? ` (env ${env.name}=${asked})` : ''}`],
  };
}
