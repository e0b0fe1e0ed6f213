/**
 * A Prometheus (or an agent speaking its remote-write protocol) whose remote_write a metrics store
 * (Mimir, Cortex, Thanos receive) refuses at one of the tenant's limits: the store answers 4xx, the
 * sender calls it non-recoverable and drops those samples, and its pods stay healthy. The limit is
 * the store's; what crossed it is most often what the sender began to scrape — a scrape job or
 * label its config file (a mounted ConfigMap) gained — so that file's edit is the since.
 */
import type { LogEvidence, PodEvidence } from './evidence.js';
import type { IsoTime } from './evidence-spec.js';
import { readLineTime } from './request-silence.js';

/** The limits a metrics store refuses remote-write samples at, as it names them; the first that matches names the line. */
const LIMITS: { pattern: RegExp; said: (m: RegExpExecArray) => string; fix: string }[] = [
  {
    pattern: /per-user series limit of (\d+) exceeded(?: \((err-[\w-]+)\))?/i,
    said: (m) => `the tenant's per-user series limit of ${m[1] ?? '?'} is exceeded${m[2] ? ` (${m[2]})` : ''}`,
    fix: 'cut the new series: drop or relabel the high-cardinality label (metric_relabel_configs with labeldrop, or drop the metrics that carry it) or remove the scrape job that brought them, or raise the tenant\'s series limit in the store',
  },
  {
    pattern: /per-metric series limit of (\d+) exceeded(?: \((err-[\w-]+)\))?/i,
    said: (m) => `the per-metric series limit of ${m[1] ?? '?'} is exceeded${m[2] ? ` (${m[2]})` : ''}`,
    fix: 'cut the series of that metric: drop or relabel its high-cardinality label (metric_relabel_configs) or remove the scrape job that brought it, or raise the tenant\'s per-metric series limit in the store',
  },
  {
    pattern: /(?:err-mimir-sample-out-of-order|out of order sample)/i,
    said: () => 'samples arrive out of order for their series (two senders write the same series: replicas without distinct external labels, or a duplicate scrape job)',
    fix: 'give each sender distinct external labels (or HA deduplication labels) so no two write the same series, or remove the duplicate scrape job',
  },
  {
    pattern: /(?:err-mimir-sample-too-old|sample (?:timestamp )?too old|too old sample)/i,
    said: () => 'samples arrive older than the store accepts (a sender replaying a backlog, or clocks behind)',
    fix: 'let the sender catch up with fresh samples (the backlog beyond the store\'s window is lost), and check the senders\' clocks',
  },
];

/** What marks a remote-write send refused and dropped: the sender's own words. */
const REFUSED_SEND = /non-recoverable error|(?:remote[_ ]write|remote_name=)[^\n]*\b(?:4\d\d)\b|server returned HTTP status 4\d\d/i;

/** At least this many refused sends before it is a finding. */
const MIN_SENDS = 3;

export interface RemoteWriteRefusal {
  /** "the tenant's per-user series limit of 1500000 is exceeded (err-mimir-max-series-per-user)". */
  limit: string;
  fix: string;
  /** The store's address from the line (url=…), when it names one. */
  url?: string;
  pods: string[];
  container: string;
  sends: number;
  line: string;
  since?: IsoTime;
}

/** The remote-write sends the pods' logs say a store refused at a limit, when at least MIN_SENDS; undefined else. */
export function findRemoteWriteRefusals(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): RemoteWriteRefusal | undefined {
  const own = new Set(pods.map((p) => p.name));
  const hits = logs.filter((l) => own.has(l.pod) && !l.previous).flatMap((l) => l.lines.flatMap((line) => {
    if (!REFUSED_SEND.test(line)) return [];
    const limit = LIMITS.map((x) => ({ x, m: x.pattern.exec(line) })).find((y) => y.m !== null);
    return limit?.m ? [{ log: l, line, said: limit.x.said(limit.m), fix: limit.x.fix }] : [];
  }));
  const last = hits[hits.length - 1];
  if (hits.length < MIN_SENDS || last === undefined) return undefined;
  const url = /\burl=("?)(\S+?)\1(?:\s|$)/.exec(last.line)?.[2];
  const since = hits.map((h) => readLineTime(h.line)).filter((t): t is string => t !== undefined).sort()[0];
  return {
    limit: last.said, fix: last.fix, ...(url ? { url } : {}),
    pods: [...new Set(hits.map((h) => h.log.pod))], container: last.log.container, sends: hits.length, line: last.line,
    ...(since ? { since } : {}),
  };
}

/** The scrape jobs a Prometheus config file lists (`- job_name: x`), in order; at most a dozen. */
export function listScrapeJobs(text: string): string[] {
  return [...text.matchAll(/^\s*-?\s*job_name:\s*["']?([\w.:/-]+)["']?\s*$/gm)].map((m) => m[1] ?? '').filter((j) => j !== '').slice(0, 12);
}
