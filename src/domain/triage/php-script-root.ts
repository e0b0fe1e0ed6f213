/**
 * nginx in front of php-fpm asking for a script that is not there: php-fpm answers "Primary script
 * unknown" (SCRIPT_FILENAME, built from nginx's `root`, names no file in its container) and nginx
 * returns 404 "File not found." for every page while both containers stay Ready. Usually a new PHP
 * image keeps the code somewhere else (its workingDir) while nginx's root, in its ConfigMap, did not
 * move. Read here: the failing lines, the php-fpm container's workingDir, and the ConfigMap the
 * nginx container mounts (its `root` and SCRIPT_FILENAME lines only).
 */
import type { IsoTime, LogEvidence, PodEvidence } from './evidence.js';
import { readNginxTime } from './nginx-no-resolver.js';
import { findMountedConfigMap } from './proxy-worker-connections.js';
import { unique } from './pod-status.js';

/** php-fpm's own wording, relayed by nginx as `FastCGI sent in stderr: "Primary script unknown"`. */
const SCRIPT_UNKNOWN = /Primary script unknown/;
/** Failed requests it takes to call it the config rather than one stray URL. */
export const MIN_SCRIPT_UNKNOWN = 3;
/** The directives read from nginx's config file; the rest of its data is dropped. */
export const SCRIPT_ROOT_SETTINGS = ['root', 'fastcgi_param'] as const;
/** fastcgi_param lines kept: only the one that names the script file. */
export const SCRIPT_FILENAME_PARAM = /^SCRIPT_FILENAME\s/;

export interface ScriptUnknown {
  /** The container whose log has the lines (the nginx). */
  container: string;
  count: number;
  pods: string[];
  /** The php-fpm container beside it (the one listening on 9000, or named php/fpm) and its workingDir when set. */
  fpmContainer?: string;
  workingDir?: string;
  pod: string;
  firstAt?: IsoTime;
}

/** The workload's current logs where php-fpm did not find the script nginx asked for, again and again; else undefined. */
export function findScriptUnknown(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): ScriptUnknown | undefined {
  const own = new Set(pods.map((p) => p.name));
  const hits: { pod: string; container: string; at?: IsoTime }[] = [];
  for (const log of logs) {
    if (log.previous || !own.has(log.pod)) continue;
    for (const line of log.lines) {
      if (!SCRIPT_UNKNOWN.test(line)) continue;
      const at = readNginxTime(line);
      hits.push({ pod: log.pod, container: log.container, ...(at ? { at } : {}) });
    }
  }
  if (hits.length < MIN_SCRIPT_UNKNOWN) return undefined;
  const container = hits[0]?.container ?? '';
  const pod = hits[0]?.pod ?? '';
  const others = pods.find((p) => p.name === pod)?.containers.filter((c) => c.name !== container) ?? [];
  const fpm = others.find((c) => c.ports.some((p) => p.containerPort === 9000)) ?? others.find((c) => /php|fpm/i.test(c.name));
  const first = hits.flatMap((h) => (h.at ? [h.at] : [])).sort()[0];
  return {
    container,
    count: hits.length,
    pods: unique(hits.map((h) => h.pod)),
    ...(fpm ? { fpmContainer: fpm.name } : {}),
    ...(fpm?.workingDir ? { workingDir: fpm.workingDir } : {}),
    pod,
    ...(first ? { firstAt: first } : {}),
  };
}

/** The ConfigMap the nginx mounts whose php-fpm cannot find the script; undefined when no log says so. */
export function pickScriptRootConfigRead(ev: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[] }): string | undefined {
  const found = findScriptUnknown(ev.logs, ev.pods);
  return found === undefined ? undefined : findMountedConfigMap(ev.pods, found.pod, found.container);
}
