/**
 * Python prints a chain of exceptions outermost last: the exception that ends the log ("OSError:
 * We couldn't connect to …", "…NotFoundError") is often a library's wrapper, while an earlier link
 * of the same chain is the HTTP answer that caused it ("requests.exceptions.HTTPError: 429 Client
 * Error: Too Many Requests for url: …"). The status is the reason an SRE acts on (a rate limit, a
 * refused credential, a server down), so the chain's status link decides the crash, not its wrapper.
 */

const HEADER = /Traceback \(most recent call last\):\s*$/;
const CHAIN_LINK = /^(?:The above exception was the direct cause of the following exception|During handling of the above exception, another exception occurred):?\s*$/;
/** An exception's own statement of an HTTP answer: requests' "429 Client Error", urllib's "HTTP Error 403", "status code: 503", "429 Too Many Requests". */
const HTTP_STATUS = /\b[45]\d\d (?:Client|Server) Error\b|\bHTTP(?: Error)?:? [45]\d\d\b|\bstatus(?:[ _]code)?[:= ]+[45]\d\d\b|\b[45]\d\d:? (?:Too Many Requests|Forbidden|Unauthorized|Service Unavailable|Bad Gateway|Gateway Timeout|Internal Server Error)\b/i;

/** The earlier link of the chosen exception's chain that states an HTTP status, when the chosen one states none. */
export function findChainedStatus(chosen: string, lines: readonly string[]): string | undefined {
  if (HTTP_STATUS.test(chosen)) return undefined;
  const trimmed = lines.map((l) => l.trim());
  let at = trimmed.lastIndexOf(chosen.trim());
  while (at > 0) {
    const header = findAbove(trimmed, at, (l) => HEADER.test(l));
    if (header < 0) return undefined;
    const link = findAbove(trimmed, header, (l) => l !== '');
    if (link < 0 || !CHAIN_LINK.test(trimmed[link] ?? '')) return undefined;
    const earlier = findAbove(trimmed, link, (l) => l !== '');
    if (earlier < 0) return undefined;
    if (HTTP_STATUS.test(trimmed[earlier] ?? '')) return trimmed[earlier];
    at = earlier;
  }
  return undefined;
}

function findAbove(lines: readonly string[], from: number, test: (line: string) => boolean): number {
  for (let i = from - 1; i >= 0; i--) if (test(lines[i] ?? '')) return i;
  return -1;
}
