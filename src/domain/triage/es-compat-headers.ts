/**
 * A 7.x Elasticsearch client in API compatibility mode against an 8.x server: the client sends
 * `Content-Type: application/vnd.elasticsearch+json; compatible-with=7` but not the matching Accept
 * header on some calls, and the 8.x server answers 400 media_type_header_exception ("A compatible
 * version is required on both Content-Type and Accept headers … Accept=null, Content-Type=7").
 * The cluster is up and answers; the client is older than the server. Nothing of the client need
 * have changed: a cluster upgraded to 8.x under it is the usual trigger, and a cluster that 8.x has
 * opened cannot go back to 7.x, so the fix is in the client.
 */
import type { ClientDiagnosis } from './client-diagnosis-reading.js';

/** The 8.x server's refusal of the mismatched compatibility headers. */
export const COMPAT_HEADERS_REFUSAL = /media_type_header_exception|compatible version is required on both Content-Type and Accept headers/;
const REFUSAL = COMPAT_HEADERS_REFUSAL;
/** The versions each header asked for, as the server's reason names them: "Accept=null, Content-Type=7". */
const HEADERS = /Accept=(\w+), Content-Type=(\w+)/;
/** The client's version as it logs itself: "Elasticsearch client 7.16.3", "elasticsearch-rest-high-level-client-7.16.3.jar", "elasticsearch-java:7.16.0". */
const CLIENT_VERSION = /(?:Elasticsearch client|elasticsearch-rest-(?:high-level-)?client|elasticsearch-java)[\s:/-]+v?(\d+\.\d+(?:\.\d+)?)/i;
/** The high-level REST client exists only in 7.x (removed in 8.0). */
const HIGH_LEVEL_CLIENT = /\bRestHighLevelClient\b/;

/** The line to quote: the server's own words, not a wrapper that only names the request. */
function findDecisive(lines: readonly string[]): string | undefined {
  return lines.map((l) => l.trim()).find((l) => /media_type_header_exception/.test(l) && l.length <= 300);
}

/** `serverRolled`: the cluster's own recent rollout (server-upgrade.ts), the trigger when it is known. */
export function explainCompatHeaders(errors: readonly string[], lines: readonly string[], serverRolled?: { said: string; evidence: string }): ClientDiagnosis | undefined {
  const all = [...errors, ...lines];
  if (!all.some((l) => REFUSAL.test(l))) return undefined;
  const headers = all.map((l) => HEADERS.exec(l)).find((m) => m !== null);
  const version = all.map((l) => CLIENT_VERSION.exec(l)).find((m) => m !== null)?.[1];
  const asked = headers?.[2] !== undefined && /^\d+$/.test(headers[2]) ? headers[2] : version?.split('.')[0];
  const client = version !== undefined ? `the Elasticsearch client ${version}` : all.some((l) => HIGH_LEVEL_CLIENT.test(l)) ? 'the 7.x RestHighLevelClient' : `the Elasticsearch client${asked ? ` ${asked}.x` : ''}`;
  const sent = headers ? ` (Content-Type=${headers[2]}, Accept=${headers[1]})` : '';
  const decisive = findDecisive(lines);
  const fix = `move the app to the 8.x Elasticsearch client (the Java API client for Java), or make its calls send the same compatible-with=${asked ?? '7'} on Accept as on Content-Type`;
  return {
    summary: `an Elasticsearch 8.x server answers 400 media_type_header_exception to ${client} in compatibility mode: its Content-Type and Accept headers name different compatible versions${sent}${serverRolled ? `; since ${serverRolled.said}` : ''}`,
    ...(decisive ? { decisive } : {}),
    likelyCause:
      `${client.charAt(0).toUpperCase()}${client.slice(1)} runs in REST API compatibility mode, which only an 8.x server offers to 7.x clients: it sends Content-Type compatible-with=${asked ?? '7'} and, on these calls, no matching Accept header${sent}, and the server answers each with 400 media_type_header_exception. ` +
      'The cluster answers, so it is up; the client is older than the server. ' +
      (serverRolled
        ? `The cluster was upgraded under the unchanged client: ${serverRolled.said}. That rollout is the trigger.`
        : 'When nothing of these pods changed, an upgrade of the cluster to 8.x under the unchanged client is the usual trigger: check the search cluster\'s own rollout history.'),
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}. An Elasticsearch cluster cannot return to 7.x once 8.x has opened its indices, so the fix is in the client; rolling back these pods does not help.`,
    fix,
    noRollback: 'the client is older than the server it calls; an earlier revision of these pods carries the same client',
    ...(serverRolled ? { datesChange: true as const, evidence: [serverRolled.evidence] } : {}),
  };
}
