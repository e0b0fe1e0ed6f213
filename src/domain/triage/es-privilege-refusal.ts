/**
 * Elasticsearch (or OpenSearch) security refusing a writer's action for a missing privilege:
 * 403 security_exception "action [indices:data/write/bulk[s]] is unauthorized for user [logs_writer]
 * with effective roles [logs_writer_role] on indices [logs-app-…]". The user authenticated; its
 * role no longer grants the action on that index (a role sync or a hand edit narrowed the index
 * patterns). Every such write is refused, and shippers (fluentd, Logstash, Beats) log it at WARN
 * while they retry and buffer, so the data is not indexed. The fix is on the role's index
 * privileges, not in the writers. Pure: reads the writers' log lines only.
 */
import type { ClientDiagnosis } from './client-diagnosis-reading.js';

/** The server's own reason for a refused action: its action, user, and (when told) roles and indices. */
const UNAUTHORIZED_ACTION = /action \[([^\]\s]+(?:\[s\])?)\] is unauthorized for user \[([^\]\s]+)\](?:[^\]]*?with (?:effective )?roles \[([^\]]*)\])?(?:[^\]]*? on indices \[([^\]]*)\])?/;
/** Only data actions: a write refused is lost data; a refused monitor or read call is a lesser matter. */
const WRITE_ACTION = /^indices:data\/write\//;

/** Whether a line carries an index write refused for the user's privileges: lost data, whatever level logs it. */
export function isEsPrivilegeRefusal(line: string): boolean {
  const m = UNAUTHORIZED_ACTION.exec(line);
  return m !== null && WRITE_ACTION.test(m[1] ?? '');
}

export function explainEsPrivilegeRefusal(errors: readonly string[], lines: readonly string[]): ClientDiagnosis | undefined {
  const line = [...errors, ...lines].find(isEsPrivilegeRefusal);
  if (line === undefined) return undefined;
  const [, action = '', user = '', roles, indices] = UNAUTHORIZED_ACTION.exec(line) ?? [];
  const roleText = roles ? ` with roles [${roles}]` : '';
  const onIndices = indices ? ` on indices [${indices}]` : '';
  const role = roles ? `role [${roles.split(',')[0]?.trim()}]` : `the roles of user [${user}]`;
  const fix = `grant ${role} the write privileges (create_doc/index) on the index pattern the writer uses${indices ? ` (${indices.replace(/\d{4}\.\d\d\.\d\d$/, '*')})` : ''}`;
  return {
    summary: `every ${action === 'indices:data/write/bulk[s]' || /bulk/.test(action) ? 'bulk write' : 'write'} is refused with 403 security_exception "action [${action}] is unauthorized for user [${user}]"${roleText}${onIndices}, so nothing is indexed`,
    likelyCause:
      `User [${user}] authenticates, but ${role} no longer grants [${action}]${onIndices}: its index privileges were narrowed or renamed (a role sync Job, a security-config deploy, a hand edit). ` +
      `Elasticsearch answers every such write with 403 while the cluster stays healthy; the writers retry and buffer, and restarting them changes nothing.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; GET _security/role/${roles ? roles.split(',')[0]?.trim() : '<role>'} shows its index patterns. Look for the Job or change that updated the roles just before the refusals began.`,
    fix,
  };
}
