/**
 * Stalls of a process's own event loop that follow a scrape of its /metrics endpoint: the metrics
 * library renders every series on the loop, so a registry swollen by a high-cardinality label (one
 * series per user, request, IP) blocks the process for seconds on each scrape — probes on the same
 * port included. Why apart: the fix is the label, not the handler or the input.
 */
import type { LogEvidence } from './evidence-pod.js';
import type { RevisionEvidence } from './evidence-spec.js';

export interface ScrapeStalls {
  /** Stalls next to a scrape, of all stalls. */
  near: number;
  of: number;
  /** The largest /metrics response logged, in bytes. */
  worstBytes?: number;
  /** "Prometheus/2.54.1", when the request names it. */
  scraper?: string;
  /** A label that makes a series per entity, and where it is set. */
  label?: { name: string; where?: string; addedIn?: number };
}

const SCRAPE = /(?:"(?:url|path)"\s*:\s*"|\b(?:GET|get)\s+)\/(?:metrics|prometheus)(?:[?"\s]|$)/;
const BYTES = /"(?:contentLength|content_length|bytes|size)"\s*:\s*(\d+)|\bcontent-length[=: ]+(\d+)/i;
const SCRAPER = /\b(Prometheus|vmagent|otel-?collector|grafana-agent|datadog-agent)\/[\w.-]+/i;
/** A label whose values are per user, per request, per address: a new series each time. */
const UNBOUNDED = /^(?:user|customer|account|session|request|req|trace|span|order|tenant|device|client|visitor|cart)_?id$|^(?:email|ip|client_?ip|remote_?addr|url|query|uuid)$/i;
const LABEL_LIST = /"labels?"\s*:\s*\[([^\]]*)\]|\blabels?[=:]\s*\[?([\w, "'-]+)\]?/i;
const LABEL_ENV = /METRIC\w*LABEL|LABEL\w*METRIC/i;

function splitLabels(text: string): string[] {
  return text.split(/[,\s]+/).map((s) => s.replace(/["'[\]]/g, '').trim()).filter((s) => s !== '');
}

function findLabel(logs: readonly LogEvidence[], revisions: readonly RevisionEvidence[]): ScrapeStalls['label'] {
  const sorted = [...revisions].sort((a, b) => b.revision - a.revision);
  const [current, previous] = sorted;
  for (const c of current?.containers ?? []) {
    for (const e of c.env) {
      if (!('value' in e) || !LABEL_ENV.test(e.name)) continue;
      const name = splitLabels(e.value).find((l) => UNBOUNDED.test(l));
      if (name === undefined) continue;
      const before = previous?.containers.find((x) => x.name === c.name)?.env.find((x) => x.name === e.name);
      const had = before !== undefined && 'value' in before && splitLabels(before.value).includes(name);
      return { name, where: e.name, ...(previous !== undefined && !had && current ? { addedIn: current.revision } : {}) };
    }
  }
  for (const log of logs) {
    for (const line of log.lines) {
      if (!/metric/i.test(line)) continue;
      const m = LABEL_LIST.exec(line);
      const name = m ? splitLabels(m[1] ?? m[2] ?? '').find((l) => UNBOUNDED.test(l)) : undefined;
      if (name !== undefined) return { name };
    }
  }
  return undefined;
}

/** Stalls (a log and the index of the stall line) that a /metrics scrape sits next to: most of them, or nothing. */
export function findScrapeStalls(stalls: readonly { log: LogEvidence; index: number }[], logs: readonly LogEvidence[], revisions: readonly RevisionEvidence[]): ScrapeStalls | undefined {
  let near = 0;
  let worstBytes: number | undefined;
  let scraper: string | undefined;
  for (const s of stalls) {
    const around = s.log.lines.slice(Math.max(0, s.index - 2), s.index + 2);
    const hit = around.find((l) => SCRAPE.test(l));
    if (hit === undefined) continue;
    near += 1;
    const b = BYTES.exec(hit);
    const bytes = b ? Number(b[1] ?? b[2]) : undefined;
    if (bytes !== undefined && (worstBytes === undefined || bytes > worstBytes)) worstBytes = bytes;
    scraper ??= SCRAPER.exec(hit)?.[0];
  }
  // Most stalls next to a scrape: the scrape is what blocks, not traffic that happens to coincide.
  if (near < 2 || near * 2 < stalls.length) return undefined;
  const label = findLabel(logs, revisions);
  return { near, of: stalls.length, ...(worstBytes !== undefined ? { worstBytes } : {}), ...(scraper ? { scraper } : {}), ...(label ? { label } : {}) };
}

/** 98000000 → "98 MB". */
export function formatBytes(n: number): string {
  return n >= 1_000_000 ? `${Math.round(n / 1_000_000)} MB` : n >= 1000 ? `${Math.round(n / 1000)} kB` : `${n} B`;
}
