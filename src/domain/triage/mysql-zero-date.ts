/**
 * MySQL refusing a zero date ('0000-00-00', error 1292 "Incorrect datetime value", SQLSTATE 22007):
 * strict sql_mode with NO_ZERO_DATE / NO_ZERO_IN_DATE, MySQL 5.7's and 8.0's default. An app that
 * writes zero dates as "no date" worked while the server ran with a permissive sql_mode (an old
 * my.cnf override, 5.6 defaults) and fails on every such write once the server runs the strict
 * default — most often after an upgrade to 8.0 whose new config dropped the override. Reads keep
 * working. An upgrade rewrites the data dictionary, so rolling the server back is no way out.
 */
import type { PodEvidence } from './evidence-pod.js';
import type { ServerExplanation } from './server-explanation.js';

export const MYSQL_ZERO_DATE = /Incorrect date(?:time)? value: '0000-00-00/i;

/** "80040" → "8.0.40", as mysqld logs its version ids in an upgrade. */
function versionOf(id: string): string {
  const n = Number(id);
  return `${Math.floor(n / 10000)}.${Math.floor(n / 100) % 100}.${n % 100}`;
}

/** `Server upgrade from '50700' to '80040' completed.`: the server's own word for when it changed. */
export const MYSQL_UPGRADED: ServerExplanation = {
  pattern: /Server upgrade from '(\d{5})' to '(\d{5})' completed/,
  describe: (m) => ({ said: `its own log says it was upgraded from MySQL ${versionOf(m[1] ?? '0').replace(/\.0$/, '')} to ${versionOf(m[2] ?? '0')}` }),
  dated: true,
};

/** The version tag of the MySQL image its pod runs ("8.0.40"), with the image. */
export function readMysqlTag(pod: PodEvidence): { tag: string; image: string } | undefined {
  const c = pod.containers.find((x) => /mysql|percona|mariadb/i.test(x.image));
  const tag = c ? /:(\d+\.\d+(?:\.\d+)?)/.exec(c.image)?.[1] : undefined;
  return c && tag !== undefined ? { tag, image: c.image } : undefined;
}

/** The MySQL version its container runs, from the image tag ("runs MySQL 8.0.40"). */
export function readMysqlVersion(pod: PodEvidence): { said: string; evidence: string } | undefined {
  const found = readMysqlTag(pod);
  if (found === undefined) return undefined;
  return { said: `runs MySQL ${found.tag}, whose default sql_mode is strict (STRICT_TRANS_TABLES, NO_ZERO_DATE, NO_ZERO_IN_DATE)`, evidence: `${pod.name} runs ${found.image}` };
}

export const ZERO_DATE_WHY =
  'MySQL refuses a zero date (\'0000-00-00 00:00:00\') with error 1292 "Incorrect datetime value" (SQLSTATE 22007) whenever its sql_mode is strict with NO_ZERO_DATE / NO_ZERO_IN_DATE — the default of 5.7 and 8.0. An app that writes zero dates as "no date" works only while the server runs a permissive sql_mode (an override in its my.cnf); once the server runs the strict default — an upgrade to 8.0 with a new config that dropped the override — every insert or update that writes one fails, while reads keep working and every pod stays Ready.';

export const ZERO_DATE_FIX =
  'set sql_mode back without NO_ZERO_DATE / NO_ZERO_IN_DATE (and STRICT_TRANS_TABLES if the app needs it) in the server\'s my.cnf (SET GLOBAL sql_mode applies it to new connections meanwhile), or have the client set its session sql_mode; then fix the app to write NULL for "no date". Do not roll an upgraded MySQL back: its data dictionary was upgraded and an older server cannot read it';

export const ZERO_DATE_OUTLASTS = 'rolling the client back still writes zero dates; the server\'s sql_mode decides';
