/**
 * A write redirected and replayed as a read: the server (often a partner starting to enforce
 * HTTPS) answers a POST to http:// with 301 or 302, and the HTTP client follows the redirect the
 * way browsers do, as a GET without the body (python-requests, urllib3, Go's net/http, Java's
 * HttpURLConnection). The endpoint only takes POST, so every call ends in 405 Method Not Allowed.
 * Nothing in the cluster changed; the fix is the client's base URL (https://), not a rollback.
 */
import type { ContainerSpecEvidence } from './evidence-pod.js';
import type { ClientDiagnosis } from './client-diagnosis-reading.js';

/** The client's own record of the redirected write: `http://host:80 "POST /path HTTP/1.1" 301 162`, or a write logged with a 301/302 answer. */
const REDIRECTED_WRITE = /\b(http:\/\/[\w.-]+)(?::\d+)?[^\n]*?"?\b(POST|PUT|PATCH|DELETE) (\S+)[^\n]*?\b(30[12]|Moved Permanently|Found)\b/;
/** The refusal that follows: 405, or the server's own words for a method it does not take. */
const METHOD_REFUSED = /\b405\b|Method Not Allowed|method_not_allowed|\b(GET|HEAD) is not allowed\b/i;

export function explainRedirectMethodChange(errors: readonly string[], lines: readonly string[], containers: readonly Pick<ContainerSpecEvidence, 'name' | 'env'>[]): ClientDiagnosis | undefined {
  if (!errors.some((l) => METHOD_REFUSED.test(l))) return undefined;
  const m = lines.map((l) => REDIRECTED_WRITE.exec(l)).find((x) => x !== null);
  if (m === undefined || m === null) return undefined;
  const [, origin = '', method = 'POST', path = '', code = '301'] = m;
  const status = /^\d+$/.test(code) ? code : code === 'Found' ? '302' : '301';
  const host = origin.replace(/^http:\/\//, '');
  // The setting that holds the http:// address, when the pods' env names it.
  const setting = containers.flatMap((c) => c.env ?? []).flatMap((e) => ('value' in e && typeof e.value === 'string' && e.value.startsWith(origin) ? [{ name: e.name, value: e.value }] : []))[0];
  const where = setting ? `${setting.name} (${setting.value})` : `the client's base URL (${origin})`;
  const fix = `use https://${host} in ${setting ? setting.name : 'the client\'s base URL'} so the ${method} is not redirected`;
  return {
    summary: `${method}s to ${origin} are redirected (${status}) to https:// and replayed as GET, which ${path || 'the endpoint'} refuses with 405 Method Not Allowed`,
    likelyCause:
      `${where} still points at http://; ${host} now answers it with ${status} to https://, and the HTTP client follows the redirect by replaying the ${method} as a GET without its body. ` +
      `The endpoint only takes ${method}, so every call fails with 405. Nothing in the cluster changed: a rollback will not help.`,
    nextAction: `Set ${setting ? setting.name : 'the base URL'} to https://${host} and restart the pods (or make the client re-send the ${method} on redirect).`,
    fix,
  };
}
