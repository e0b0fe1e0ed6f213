/**
 * A sidecar whose only job is to print its neighbour's request log: Varnish writes requests to
 * shared memory, not to its output, and varnishncsa or varnishlog beside it prints them; a web
 * server writing its access log to a file has a `tail -F` of it. What the server answered (503s,
 * a FetchError) is only in that sidecar's log, so it is sampled beside the server's.
 */
import type { ContainerSpecEvidence } from './evidence-pod.js';

/** The shared-memory log readers of Varnish. */
const LOG_READER = /^(varnishncsa|varnishlog)$/;
/** A follow of an access-log file: `tail -F /var/log/nginx/access.log`, `tail -f …/access_log`. */
const TAILED_ACCESS_LOG = /\btail\b[^;|&]*\s-[fF]\b[^;|&]*access[._-]?log/;

export function isRequestLogSidecar(c: Pick<ContainerSpecEvidence, 'command' | 'args'>): boolean {
  const argv = [...(c.command ?? []), ...(c.args ?? [])];
  const program = (argv[0] ?? '').split('/').pop() ?? '';
  return LOG_READER.test(program) || TAILED_ACCESS_LOG.test(argv.join(' '));
}
