/**
 * MySQL closes a connection that stays idle longer than its wait_timeout (interactive_timeout for
 * clients that say they are interactive) and logs it as "Aborted connection … (Got timeout reading
 * communication packets)". A pooled client learns it only when it next uses that connection:
 * Connector/J's "Communications link failure … The last packet successfully received from the
 * server was 74,312 milliseconds ago", HikariCP's "No operations allowed after connection closed",
 * PyMySQL's "Lost connection to MySQL server during query", "MySQL server has gone away", Go's
 * "invalid connection". When the idle ages the client reports outlast the server's wait_timeout,
 * the cause is that timeout against the pool's idle lifetime: a wait_timeout newly cut (my.cnf in
 * a ConfigMap) is the trigger, and the fix is the setting or the pool's max lifetime below it.
 * Pure: reads logs, the server pod's spec and the settings its mounted ConfigMaps set.
 */
import type { LogEvidence, PodEvidence, TriageTarget } from './evidence.js';
import type { ServerConfigEvidence } from './evidence-server-config.js';
import { findInClusterService } from './down-service.js';
import { findServerAddress } from './server-address.js';
import { findServerSettings } from './server-settings.js';
import { listMountedConfigMaps } from './server-config-file.js';

/** The client's words for a MySQL connection the server closed under it. */
export const MYSQL_CLOSED = /Communications link failure|No operations allowed after connection closed|MySQL server has gone away|Lost connection to MySQL server|PROTOCOL_CONNECTION_LOST|packets\.go:\d+: unexpected EOF|driver: bad connection/i;

/** Connector/J's count of how long the connection sat unused before it failed. */
const LAST_PACKET = /last packet successfully received from the server was ([\d,.]+) milliseconds ago/i;

/** The server's own line for a connection it closed at wait_timeout. */
export const IDLE_ABORT = /Aborted connection .*\(Got timeout reading communication packets\)/i;

/** The settings that say how long MySQL lets a connection sit idle. */
export const WAIT_SETTINGS = ['wait_timeout', 'interactive_timeout'] as const;

/** Closed connections in the workload's logs before the server is worth a read. */
export const MIN_MYSQL_CLOSED = 2;

/** The Service of the target's namespace its MySQL address names (a JDBC URL, a DSN, MYSQL_HOST). */
export function findMysqlService(pods: readonly PodEvidence[], target: TriageTarget): { service: string; env: string } | undefined {
  for (const p of pods) {
    for (const c of p.containers) {
      const address = findServerAddress(c, 'MySQL');
      const service = address ? findInClusterService(address.host, target.namespace) : undefined;
      if (address && service?.namespace === target.namespace) return { service: service.name, env: address.env };
    }
  }
  return undefined;
}

/** The workload's own log lines that say MySQL closed a connection under it. */
export function findClosedLines(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): { pod: string; line: string }[] {
  return logs.filter((l) => pods.some((p) => p.name === l.pod)).flatMap((l) => l.lines.filter((x) => MYSQL_CLOSED.test(x)).map((line) => ({ pod: l.pod, line: line.trim() })));
}

/** The MySQL Service whose connections the workload's logs say were closed under it: one of its pods is worth a read. */
export function pickClosingMysql(ev: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; target: TriageTarget }): string | undefined {
  if (findClosedLines(ev.logs, ev.pods).length < MIN_MYSQL_CLOSED) return undefined;
  return findMysqlService(ev.pods, ev.target)?.service;
}

/**
 * The ConfigMaps its pod mounts, for wait_timeout, when its log says it closed idle connections
 * and its command line does not set the timeout: at most two, those settings only.
 */
export function listWaitTimeoutConfigReads(ev: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; target: TriageTarget }, read: readonly { service: string; namespace?: string; pod: PodEvidence; logs: LogEvidence[] }[]): { service: string; configMaps: string[]; settings: string[] }[] {
  const service = pickClosingMysql(ev);
  const own = read.find((d) => d.service === service && d.namespace === undefined);
  if (!own || !own.logs.some((l) => l.lines.some((x) => IDLE_ABORT.test(x))) || findServerSettings(own.pod, [...WAIT_SETTINGS])) return [];
  const configMaps = listMountedConfigMaps(own.pod);
  return configMaps.length === 0 ? [] : [{ service: own.service, configMaps, settings: [...WAIT_SETTINGS] }];
}

/** How long the client says its failed connections had sat unused, in ms (Connector/J's last packet received). */
export function findIdleAges(lines: readonly string[]): number[] {
  return lines.flatMap((l) => {
    const m = LAST_PACKET.exec(l);
    return m?.[1] === undefined ? [] : [Number(m[1].replace(/[,.]/g, ''))];
  });
}

/** wait_timeout as set: the command line (--wait_timeout=60), else a ConfigMap it mounts; in seconds. */
export function findWaitTimeout(pod: PodEvidence, config: readonly ServerConfigEvidence[] | undefined): { value: string; seconds: number; where: string; configMap?: string } | undefined {
  const flag = findServerSettings(pod, ['wait_timeout'])?.flags[0]?.value;
  const file = config?.find((c) => c.setting.replace(/-/g, '_') === 'wait_timeout');
  const value = flag ?? file?.value;
  const seconds = value === undefined ? NaN : Number(value);
  if (value === undefined || !Number.isFinite(seconds) || seconds <= 0) return undefined;
  return file && flag === undefined
    ? { value, seconds, where: `ConfigMap ${file.configMap} (${file.key})`, configMap: file.configMap }
    : { value, seconds, where: `the command line of ${pod.name}` };
}
