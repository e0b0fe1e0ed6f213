/**
 * A database client that refuses a server newer than itself: pg_dump (and pg_dumpall) will not
 * dump a server of a later major version ("aborting because of server version mismatch"), and its
 * log names both versions. The fault is in the client's image, not in the server; and a server
 * that was upgraded after the client's last good run is what brought it on.
 */
import type { PodEvidence, TriageEvidence } from './evidence.js';
import type { IsoTime } from './evidence-spec.js';

export interface VersionRefusal {
  /** "pg_dump". */
  tool: string;
  /** The refusal line as logged. */
  line: string;
  /** "16.4", from "server version: 16.4 (Debian …)". */
  server?: string;
  /** "15.8", the client's own version. */
  client?: string;
}

/** pg_dump 12+: "pg_dump: error: aborting …"; before 12: "pg_dump: aborting …". */
export const DUMP_VERSION_REFUSAL = /\b(pg_dump(?:all)?): (?:error: )?aborting because of server version mismatch/;
/** 15+: "pg_dump: detail: server version: 16.4 (…); pg_dump version: 15.8 (…)"; older: "pg_dump: error: server version: …" or "pg_dump: server version: …". */
const VERSIONS = /\b(pg_dump(?:all)?): (?:detail: |error: )?server version: (\d+(?:\.\d+)*)[^;]*; pg_dump(?:all)? version: (\d+(?:\.\d+)*)/;

export function findVersionRefusal(lines: readonly string[]): VersionRefusal | undefined {
  const refusal = lines.find((l) => DUMP_VERSION_REFUSAL.test(l));
  if (refusal === undefined) return undefined;
  const tool = DUMP_VERSION_REFUSAL.exec(refusal)?.[1] ?? 'pg_dump';
  const versions = lines.map((l) => VERSIONS.exec(l)).find((m) => m !== null);
  return { tool, line: refusal.trim(), ...(versions?.[2] ? { server: versions[2] } : {}), ...(versions?.[3] ? { client: versions[3] } : {}) };
}

function majorOf(version: string): string {
  return version.split('.')[0] ?? version;
}

/** The product a tool talks to, as its server images are named. */
const SERVER_IMAGE = /(?:^|\/)(?:postgres|postgresql|postgresql-repmgr|postgis|timescaledb|timescaledb-ha)(?::|@|$)/i;

export interface ServerAtVersion {
  pod: string;
  image: string;
  /** When the pod started: after the client's last good run, the server changed under it. */
  since: IsoTime;
}

/** Pods of other workloads the evidence holds (the Service the client calls, its dependency reads). */
function listOtherPods(ev: TriageEvidence): PodEvidence[] {
  return [...(ev.downServices ?? []).flatMap((s) => s.pods), ...(ev.dependencyPods ?? []).map((d) => d.pod), ...(ev.foreignPods ?? []).map((f) => f.pod)];
}

/**
 * The server pod the evidence holds that runs the refused server version: a Postgres image whose
 * tag has the server's major version. Only what the evidence shows; no read is made for it.
 */
export function findServerAtVersion(ev: TriageEvidence, refusal: VersionRefusal): ServerAtVersion | undefined {
  if (refusal.server === undefined) return undefined;
  const major = majorOf(refusal.server);
  for (const pod of listOtherPods(ev)) {
    const c = pod.containers.find((x) => SERVER_IMAGE.test(x.image) && new RegExp(`:${major}(?:[.-]|$)`).test(x.image));
    const since = pod.startTime ?? pod.createdAt;
    if (c !== undefined && since !== undefined) return { pod: pod.name, image: c.image, since };
  }
  return undefined;
}

/** Why, and the fix: the client's image must carry a client of the server's major version or later. */
export function explainVersionRefusal(refusal: VersionRefusal, image: string): { clause: string; cause: string; fix: string } {
  const { tool, server, client } = refusal;
  const versions = server && client ? `${tool} ${client} refuses server ${server}` : `${tool} refuses the server's newer version`;
  const major = server ? majorOf(server) : undefined;
  return {
    clause: `${versions} (image ${image})`,
    cause: `${tool} will not read a server of a later major version than its own${server && client ? ` (server ${server}, ${tool} ${client})` : ''}: the client in image ${image} is older than the server, so every run exits before dumping anything. The server is not at fault: do not roll it back.`,
    fix: `give the Job an image with ${tool} ${major ? `${major}` : "of the server's major version"} or later in place of ${image}`,
  };
}
