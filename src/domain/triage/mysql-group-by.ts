/**
 * MySQL refusing a GROUP BY that selects (or orders by) a column it neither groups by nor
 * aggregates (error 1055, "… incompatible with sql_mode=only_full_group_by"): ONLY_FULL_GROUP_BY,
 * in the default sql_mode since 5.7.5. Queries that ran for years under a sql_mode override (an old
 * my.cnf) fail on every call once the server runs the default — most often after an upgrade whose
 * new config dropped the override (its old value named modes 8.0 removed). The server decides,
 * whatever revision of the client runs; an upgraded MySQL cannot be rolled back.
 */
import type { PodEvidence } from './evidence-pod.js';
import { readMysqlTag } from './mysql-zero-date.js';

export const MYSQL_ONLY_FULL_GROUP_BY = /\b1055\b.*only_full_group_by|incompatible with sql_mode=only_full_group_by/i;

/** The MySQL version its container runs, and that its default sql_mode refuses such queries. */
export function readGroupByDefault(pod: PodEvidence): { said: string; evidence: string } | undefined {
  const found = readMysqlTag(pod);
  if (found === undefined) return undefined;
  return { said: `runs MySQL ${found.tag}, whose default sql_mode includes ONLY_FULL_GROUP_BY`, evidence: `${pod.name} runs ${found.image}` };
}

export const GROUP_BY_WHY =
  'MySQL refuses a query whose SELECT list, HAVING or ORDER BY names a column that is neither in its GROUP BY nor aggregated nor functionally dependent on it, with error 1055 ("… incompatible with sql_mode=only_full_group_by"), whenever its sql_mode includes ONLY_FULL_GROUP_BY — the default since 5.7.5, and in 8.0. Such queries work only while the server runs a sql_mode without it (an override in its my.cnf); once the server runs the default — an upgrade to 8.0 whose new config dropped the override — every call of them fails, while other queries and the probes keep passing.';

export const GROUP_BY_FIX =
  'set sql_mode back without ONLY_FULL_GROUP_BY in the server\'s my.cnf (SET GLOBAL sql_mode applies it to new connections meanwhile; leave out modes 8.0 removed, such as NO_AUTO_CREATE_USER, or the server will not start), or have the client set its session sql_mode; then fix the queries (group by every selected column, or wrap it in ANY_VALUE()). Do not roll an upgraded MySQL back: its data dictionary was upgraded and an older server cannot read it';

export const GROUP_BY_OUTLASTS = 'rolling the client back sends the same queries; the server\'s sql_mode decides';
