/**
 * What an Elasticsearch or OpenSearch cluster's own log says about its health while its pods stay
 * Ready: the elected master logs every change of the cluster's health ("Cluster health status
 * changed from [GREEN] to [RED]"), at WARN or INFO. RED means a primary shard has no active copy:
 * the documents routed to it can be neither written nor read. The same log tells the lead an SRE
 * follows: a node that left just then (node-left), came back with another node ID (the ID lives
 * in the data path: a new one means an empty data directory), and indices created with no replica
 * ("shards [3]/[0]"), whose primary had no other copy to promote. Pure: reads log tails only.
 */
import type { IsoTime, LogEvidence } from './evidence.js';
import { readLineTime } from './request-silence.js';
import { msBetween } from './time-span.js';

export type SearchProduct = 'Elasticsearch' | 'OpenSearch';

const HEALTH = /Cluster health status changed from \[(GREEN|YELLOW|RED)\] to \[(GREEN|YELLOW|RED)\]/;
/** "(reason: [{es-2}{kQ3…} reason: disconnected])": up to the first "])", which closes the reason. */
const HEALTH_REASON = /\(reason: \[(.+?)\]\)/;
/** "node-left[{name}{id}{ephemeral}… reason: disconnected]" (7.x and later, OpenSearch alike). */
const NODE_LEFT = /node-left\[\{([^}]+)\}\{([^}]+)\}[^\]]*?\breason: ([^\]]+)\]/;
const NODE_JOIN = /node-join\[\{([^}]+)\}\{([^}]+)\}/;
/** "[orders-2026.11] creating index, cause [auto(bulk api)], templates [orders], shards [3]/[0]". */
const CREATED_NO_REPLICA = /\[([^\]\s]+)\] creating index, cause \[[^\]]*\], templates \[([^\]]*)\], shards \[(\d+)\]\/\[0\]/;
/** "updating number_of_replicas to [0] for indices [orders-2026.11, orders-2026.12]". */
const SET_NO_REPLICA = /updating number_of_replicas to \[0\] for indices \[([^\]]+)\]/;
/** ES 8's allocator: "… with 1 unassigned shard that cannot be allocated". */
const UNASSIGNED = /with (\d+) unassigned shards? that cannot be allocated/;
/** "[orders-2026.11][1]": an index name and a shard number, as every ES message writes a shard. */
const SHARD = /\[([^\][\s,]+)\]\[(\d+)\]/g;
/** What a client (or the server) says of a shard without an active primary. */
const INACTIVE_PRIMARY = /primary shard is not active|unavailable_shards_exception|UnavailableShardsException|no_shard_available_action_exception|NoShardAvailableActionException|no active primary|NO_VALID_SHARD_COPY|primary[^\n]{0,40}\bunassigned|unassigned[^\n]{0,40}\bprimary/i;

/** A line that says the cluster turned RED, or that a primary shard has no active copy: an error whatever level it was logged at. */
export function isSearchClusterFault(line: string): boolean {
  return /Cluster health status changed from \[(?:GREEN|YELLOW|RED)\] to \[RED\]/.test(line) || (INACTIVE_PRIMARY.test(line) && /\[[^\][\s,]+\]\[\d+\]/.test(line));
}

export interface LostSearchNode {
  node: string;
  id: string;
  reason: string;
  at?: IsoTime;
  /** The node ID it joined with afterwards, when other than the one it left with: an empty data path. */
  newId?: string;
  rejoinedAt?: IsoTime;
}

export interface SearchClusterRed {
  product: SearchProduct;
  /** The member whose log says so (the elected master). */
  pod: string;
  /** The change to RED from GREEN or YELLOW (the onset), as logged; the newest RED line when the onset is past the tail. */
  line: string;
  at?: IsoTime;
  reason?: string;
  /** Nodes that left before or at the onset. */
  lost: LostSearchNode[];
  /** Indices the log shows made (or set) with no replica, and their template. */
  noReplicas: { index: string; template?: string; shards?: number }[];
  /** The newest count of unassigned shards that cannot be allocated, when the log gives it. */
  unassigned?: number;
  /** Shards the server's own log says have no active primary. */
  shards: string[];
}

type Stamped = { line: string; pod: string; at?: IsoTime; order: number; key: number };

/** The members' current logs interleaved by time; a line without one sorts with the line before it in its log. */
function stamped(logs: readonly LogEvidence[]): Stamped[] {
  let order = 0;
  const out = logs.filter((l) => !l.previous).flatMap((l) => {
    let key = 0;
    return l.lines.map((line) => {
      const at = readLineTime(line);
      if (at !== undefined) key = Date.parse(at);
      return { line, pod: l.pod, order: order++, key, ...(at === undefined ? {} : { at }) };
    });
  });
  return out.sort((a, b) => a.key - b.key || a.order - b.order);
}

/** Loggers name the product: org.opensearch.… in JSON, o.o.… abbreviated in the plain-text layout. */
function productOf(lines: readonly Stamped[]): SearchProduct {
  return lines.some((l) => /org\.opensearch\.|\[o\.o\.[\w.]+\s*\]/.test(l.line)) && !lines.some((l) => /org\.elasticsearch\.|\[o\.e\.[\w.]+\s*\]/.test(l.line)) ? 'OpenSearch' : 'Elasticsearch';
}

/** The shards a set of lines names as without an active primary ("orders-2026.11][1" → "[orders-2026.11][1]"). */
export function listInactiveShards(lines: readonly string[]): string[] {
  const out = new Set<string>();
  for (const line of lines) {
    if (!INACTIVE_PRIMARY.test(line)) continue;
    for (const m of line.matchAll(SHARD)) out.add(`[${m[1] ?? ''}][${m[2] ?? ''}]`);
  }
  return [...out];
}

/** Lines of a client's log that report a write or read refused for a shard without an active primary. */
export function listShardRefusals(lines: readonly string[]): string[] {
  return lines.filter((l) => INACTIVE_PRIMARY.test(l) && /\[[^\][\s,]+\]\[\d+\]/.test(l));
}

function findLost(lines: readonly Stamped[], onset: Stamped): LostSearchNode[] {
  const lost = new Map<string, LostSearchNode>();
  for (const l of lines) {
    const left = NODE_LEFT.exec(l.line);
    if (left && (l.order === onset.order || l.at === undefined || onset.at === undefined || msBetween(l.at, onset.at) >= 0)) {
      lost.set(left[1] ?? '', { node: left[1] ?? '', id: left[2] ?? '', reason: (left[3] ?? '').trim(), ...(l.at ? { at: l.at } : {}) });
    }
    const join = NODE_JOIN.exec(l.line);
    const was = join ? lost.get(join[1] ?? '') : undefined;
    if (join && was && was.newId === undefined && (was.at === undefined || l.at === undefined || msBetween(was.at, l.at) >= 0)) {
      if (join[2] !== was.id) lost.set(was.node, { ...was, newId: join[2] ?? '', ...(l.at ? { rejoinedAt: l.at } : {}) });
      else lost.delete(was.node);
    }
  }
  // The onset's reason names the node whose loss turned it RED: that one first.
  const reason = HEALTH_REASON.exec(onset.line)?.[1] ?? '';
  return [...lost.values()].sort((a, b) => Number(reason.includes(`{${b.node}}`)) - Number(reason.includes(`{${a.node}}`)));
}

function findNoReplicas(lines: readonly Stamped[]): SearchClusterRed['noReplicas'] {
  const out = new Map<string, SearchClusterRed['noReplicas'][number]>();
  for (const { line } of lines) {
    const c = CREATED_NO_REPLICA.exec(line);
    if (c) out.set(c[1] ?? '', { index: c[1] ?? '', ...(c[2] ? { template: c[2] } : {}), shards: Number(c[3]) });
    const s = SET_NO_REPLICA.exec(line);
    for (const index of (s?.[1] ?? '').split(',').map((x) => x.trim()).filter(Boolean)) out.set(index, { ...out.get(index), index });
  }
  return [...out.values()];
}

/**
 * The cluster is RED now, as the last health change its members logged says, with the lead its
 * log gives; undefined when no member logged a change, or the last one left it GREEN or YELLOW.
 */
export function findSearchClusterRed(logs: readonly LogEvidence[]): SearchClusterRed | undefined {
  const lines = stamped(logs);
  const changes = lines.flatMap((l) => {
    const m = HEALTH.exec(l.line);
    return m ? [{ l, from: m[1] ?? '', to: m[2] ?? '' }] : [];
  });
  const last = changes.at(-1);
  if (last === undefined || last.to !== 'RED') return undefined;
  // The onset: the last change into RED from another state; else RED since before the tail.
  const onset = [...changes].reverse().find((c) => c.to === 'RED' && c.from !== 'RED') ?? last;
  const reason = HEALTH_REASON.exec(onset.l.line)?.[1];
  const counts = lines.flatMap((l) => {
    const m = UNASSIGNED.exec(l.line);
    return m ? [Number(m[1])] : [];
  });
  const unassigned = counts.at(-1);
  return {
    product: productOf(lines),
    pod: onset.l.pod,
    line: onset.l.line.trim(),
    ...(onset.l.at ? { at: onset.l.at } : {}),
    ...(reason ? { reason } : {}),
    lost: findLost(lines, onset.l),
    noReplicas: findNoReplicas(lines),
    ...(unassigned === undefined ? {} : { unassigned }),
    shards: listInactiveShards(lines.map((l) => l.line)),
  };
}
