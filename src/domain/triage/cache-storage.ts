/**
 * A caching proxy that cannot find room for what it fetches: Varnish ends such a backend fetch
 * with FetchError "Could not get storage" (varnishlog, or varnishncsa's %{VSL:FetchError}x) once
 * it cannot free enough of its storage (-s malloc,SIZE) by evicting, and answers the client 503
 * "Backend fetch failed". An object bigger than the whole storage never fits; the backend is fine
 * and small objects are served, so the pods stay Ready. What the finding needs: the storage size
 * the cache runs with (its command line), how far the failed fetches got, and the 503s.
 */
import type { LogEvidence, TriageEvidence } from './evidence.js';
import { findPod } from './evidence-lookup.js';

/** The cache's own words for a fetch it had no storage for. */
export const CACHE_STORAGE_LINE = /\bCould not get storage\b/;

/** varnishd's storage argument: `-s malloc,256m`, `-s name=file,/var/lib/varnish/cache.bin,2G`, `-smalloc,1G`. */
const STORAGE_ARG = /^(?:[\w-]+=)?(malloc|file|default|umem|mse)(?:,[^,\s]+)*?,(\d+(?:\.\d+)?[kKmMgGtT]?)$/;
/** varnishd's report of its malloc storage at start: `SMA.s0: max size 256 MB.` */
const STORAGE_REPORT = /\bSMA\.\S+: max size (\d+(?:\.\d+)? [KMGT]?B)\b/;
/** The byte count after the status in an access-log line (varnishncsa's %s %b): how much of the body arrived. */
const BYTES_AFTER_STATUS = /" \d{3} (\d+)\b/;
/** varnishlog's Content-Length of the backend response (BerespHeader). */
const CONTENT_LENGTH = /\bContent-Length:\s*(\d+)/i;
/** A client answered 503 in an access-log line. */
const CLIENT_503 = /"[A-Z]+ \S+ HTTP\/[\d.]+" 503\b/;

/** The storage argument of any container of the pod, as given: `-s malloc,256m`. */
function storageArgOf(ev: TriageEvidence, log: LogEvidence): string | undefined {
  const pod = findPod(ev, log.pod);
  for (const c of pod?.containers ?? []) {
    const argv = [...(c.command ?? []), ...(c.args ?? [])];
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i] ?? '';
      const value = a === '-s' ? argv[i + 1] : a.startsWith('-s') && a.length > 2 ? a.slice(2) : undefined;
      if (value !== undefined && STORAGE_ARG.test(value)) return `-s ${value}`;
    }
    // The official image's entrypoint passes -s malloc,$VARNISH_SIZE.
    const size = c.env?.flatMap((e) => (e.name === 'VARNISH_SIZE' && 'value' in e ? [e.value] : []))[0];
    if (size !== undefined) return `-s malloc,${size} (VARNISH_SIZE)`;
  }
  return undefined;
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1e6)} MB`;
}

/** The storage the cache runs with, the size the failed fetches reached and the clients' 503s, in the pod's logs. */
export function describeCacheStorage(ev: TriageEvidence, log: LogEvidence, _line: string): string | undefined {
  const podLogs = ev.logs.filter((l) => l.pod === log.pod && !l.previous);
  const lines = podLogs.flatMap((l) => l.lines);
  const arg = storageArgOf(ev, log);
  const reported = lines.map((l) => STORAGE_REPORT.exec(l)?.[1]).find((s) => s !== undefined);
  const storage = arg ?? (reported !== undefined ? `malloc storage of ${reported}` : undefined);
  // How far each failed fetch got (its byte count), or how big its object was (the Content-Length of its varnishlog transaction).
  const got: number[] = [];
  const objects: number[] = [];
  lines.forEach((l, i) => {
    if (!CACHE_STORAGE_LINE.test(l)) return;
    const bytes = BYTES_AFTER_STATUS.exec(l)?.[1];
    if (bytes !== undefined) { got.push(Number(bytes)); return; }
    const before = lines.slice(Math.max(0, i - 40), i).reverse();
    const start = before.findIndex((b) => /^\*\s+<</.test(b.trim()));
    const length = (start < 0 ? before : before.slice(0, start + 1)).map((b) => CONTENT_LENGTH.exec(b)?.[1]).find((s) => s !== undefined);
    if (length !== undefined) objects.push(Number(length));
  });
  const answered503 = ev.logs.filter((l) => !l.previous && findPod(ev, l.pod) !== undefined).reduce((n, l) => n + l.lines.filter((x) => CLIENT_503.test(x)).length, 0);
  const parts = [
    ...(storage !== undefined ? [`storage ${storage}${arg !== undefined && reported !== undefined ? ` (${reported})` : ''}`] : []),
    ...(objects.some((n) => n > 0) ? [`the failed fetches were objects of up to ${megabytes(Math.max(...objects))}`] : got.some((n) => n > 0) ? [`the failed fetches reached up to ${megabytes(Math.max(...got))} before storage ran out`] : []),
    ...(answered503 > 0 ? [`${answered503} client request${answered503 === 1 ? '' : 's'} answered 503`] : []),
  ];
  return parts.length > 0 ? parts.join(', ') : undefined;
}
