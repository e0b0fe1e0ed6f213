/**
 * The demo's small broken cluster (src/demo/cluster.json, written by scripts/demo-cluster.ts from
 * four triage-corpus scenarios), moved to the present: every timestamp is shifted by
 * (now − the corpus clock), in object fields and inside log lines alike, so "restarted 4 minutes
 * ago" reads true whenever the demo starts.
 */
// Imported (not read from disk) so the build carries it into dist/ with the code.
import clusterFile from './cluster.json' with { type: 'json' };

export interface DemoClusterLogs {
  namespace: string;
  pod: string;
  container: string;
  current?: string;
  previous?: string;
}

export interface DemoCluster {
  objects: Array<Record<string, unknown>>;
  logs: DemoClusterLogs[];
  /** The services the corpus scenarios ask about, with their namespaces. */
  services: Array<{ service: string; namespace: string }>;
}

interface ClusterFile {
  clock: string;
  scenarios: Array<{ service: string; namespace?: string }>;
  objects: Array<Record<string, unknown>>;
  logs: DemoClusterLogs[];
}

// 2026-11-21T03:14:00Z, 2026-11-21T03:14:00.600Z, 2026-11-21 03:14:00,123 (log formats the corpus uses);
// not \b: in JSON text a log line starts after the escape `\n`, a word character.
const TIMESTAMP = /(?<!\d)(\d{4}-\d{2}-\d{2})([T ])(\d{2}:\d{2}:\d{2})([.,]\d{1,9})?(Z|[+-]\d{2}:?\d{2})?/g;

/** Rewrites every timestamp in `text` `shiftMs` later, keeping each one's format. */
export function shiftTimestamps(text: string, shiftMs: number): string {
  return text.replace(TIMESTAMP, (whole, date: string, sep: string, time: string, fraction: string | undefined, zone: string | undefined) => {
    // Without a zone the corpus writes UTC (log lines); read it so.
    const fractionDigits = fraction?.slice(1) ?? '';
    const ms = fractionDigits === '' ? 0 : Math.floor(Number(`0.${fractionDigits}`) * 1000);
    const base = Date.parse(`${date}T${time}Z`);
    if (Number.isNaN(base)) return whole;
    // The wall time moves by the shift in its own zone: read it as if UTC, shift, write it back.
    const shifted = new Date(base + ms + shiftMs);
    const iso = shifted.toISOString();
    const keptFraction = fraction === undefined ? '' : `${fraction[0]}${fractionDigits.length <= 3 ? iso.slice(20, 20 + fractionDigits.length) : `${iso.slice(20, 23)}${fractionDigits.slice(3)}`}`;
    return `${iso.slice(0, 10)}${sep}${iso.slice(11, 19)}${keptFraction}${zone ?? ''}`;
  });
}

/** The cluster as of `now`: the committed data with every timestamp moved by (now − corpus clock). */
export function loadDemoCluster(now: Date): DemoCluster {
  const data = clusterFile as ClusterFile;
  const shiftMs = now.getTime() - Date.parse(data.clock);
  const file = JSON.parse(shiftTimestamps(JSON.stringify(data), shiftMs)) as ClusterFile;
  return {
    objects: file.objects,
    logs: file.logs,
    services: file.scenarios.map((s) => ({ service: s.service, namespace: s.namespace ?? namespaceOf(file.objects, s.service) })),
  };
}

/** The namespace of the Deployment named like the service (the corpus asks without one when it is unique). */
function namespaceOf(objects: ClusterFile['objects'], service: string): string {
  for (const o of objects) {
    const meta = o.metadata as { name?: string; namespace?: string } | undefined;
    if (o.kind === 'Deployment' && meta?.name === service && meta.namespace !== undefined) return meta.namespace;
  }
  throw new Error(`demo cluster: no Deployment ${service}`);
}
