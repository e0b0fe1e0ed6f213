/**
 * PHP's MySQL drivers (mysqlnd behind PDO and mysqli, libmysqlclient) read the host name
 * `localhost` as "connect over the Unix socket", never TCP. In a container with no MySQL server
 * beside it there is no socket, so every connection fails with error 2002 "No such file or
 * directory" — typically after the database moved out of the pod and the host setting was left
 * (or set) to localhost. The fix is the server's real host name (or 127.0.0.1 for a server in
 * the pod), not a restart.
 */
import type { ContainerSpecEvidence } from './evidence-pod.js';
import type { LogEvidence, PodEvidence } from './evidence.js';
import type { SettingConfigEvidence } from './evidence-setting-config.js';
import type { ToldReading } from './told-reading.js';

/** Error 2002 with the socket's ENOENT: `SQLSTATE[HY000] [2002] No such file or directory`, mysqli's `(HY000/2002): No such file or directory`. */
const SOCKET_MISSING = /(?:\[2002\]|\/2002\)|code: 2002\))[^\n]*No such file or directory/;
/** The keys that name a MySQL client's host: DB_HOST, DATABASE_HOST, MYSQL_HOST, WORDPRESS_DB_HOST. */
export const DB_HOST_KEY = /(?:^|_)(?:DB|DATABASE|MYSQL|MARIADB)_?HOST(?:NAME)?$/i;
/** The one value the drivers read as a socket. */
export const SOCKET_HOST_VALUE = /^localhost$/i;

/** Whether a log line is a MySQL client failing on a missing Unix socket. */
export function isMysqlSocketMissing(line: string): boolean {
  return SOCKET_MISSING.test(line);
}

/** The first pod and container whose log fails on a missing MySQL socket: whose settings to read. */
export function findMysqlSocketMissing(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): { pod: string; container: string } | undefined {
  const log = logs.find((l) => pods.some((p) => p.name === l.pod) && l.lines.some(isMysqlSocketMissing));
  return log === undefined ? undefined : { pod: log.pod, container: log.container };
}

/** Where the container sets its database host to localhost: its own env, or a ConfigMap it takes (read as setting-config 'socket-host'). */
function findLocalhostSetting(container: ContainerSpecEvidence | undefined, config: readonly SettingConfigEvidence[]): { setting: string; where: string } | undefined {
  const env = (container?.env ?? []).find((e) => 'value' in e && DB_HOST_KEY.test(e.name) && SOCKET_HOST_VALUE.test(e.value.trim()));
  if (env !== undefined) return { setting: env.name, where: `env of container ${container?.name ?? '?'}` };
  const kept = config.find((c) => c.mechanism === 'socket-host' && /=\s*localhost\s*$/i.test(c.written));
  if (kept === undefined) return undefined;
  return { setting: kept.written.split('=')[0] ?? kept.key, where: `ConfigMap ${kept.configMap}${kept.via === 'envFrom' ? ' (envFrom)' : ` (env ${kept.via})`}` };
}

/** The reading of a quoted 2002 "No such file or directory" line, when the host setting the pods take is localhost; undefined otherwise (no claim without the setting read). */
export function readMysqlSocketHost(told: string, container: ContainerSpecEvidence | undefined, config: readonly SettingConfigEvidence[]): ToldReading | undefined {
  if (!isMysqlSocketMissing(told)) return undefined;
  const found = findLocalhostSetting(container, config);
  if (found === undefined) return undefined;
  const fix = `set ${found.setting} in ${found.where} to the database server's host name (or 127.0.0.1 for a server in the pod), so the driver connects over TCP, and restart the pods`;
  return {
    title: `${found.setting}=localhost (${found.where}): PHP's MySQL driver reads localhost as a Unix socket, and the container has none (SQLSTATE[HY000] [2002] No such file or directory)`,
    cause: `the database host setting ${found.setting} is localhost in ${found.where}. PHP's MySQL driver (mysqlnd, behind PDO and mysqli) connects to localhost over the Unix socket, never TCP; with no MySQL server in the container there is no socket, so every connection fails with error 2002 "No such file or directory".`,
    action: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}. Restarting alone or relaxing the probe does not help.`,
    fix,
    evidence: [`${found.where} sets ${found.setting}=localhost: PHP's MySQL driver connects to localhost through a Unix socket`],
  };
}
