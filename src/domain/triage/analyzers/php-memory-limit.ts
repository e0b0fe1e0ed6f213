import type { IsoTime, LogEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import type { NamespaceObjectEvidence } from '../evidence-context.js';
import { findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { getLastTermination, isPodHealthy, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { readLogLineTime } from '../log-line-time.js';
import { earliest } from '../time-span.js';
import { VENDOR_CODE, readRelayedRequest } from '../php-fatal-line.js';

/**
 * "PHP Fatal error: Allowed memory size of 134217728 bytes exhausted" is PHP's own per-request cap,
 * memory_limit (here 128M), not the container's: the interpreter aborts that one request (php-fpm
 * or nginx relaying its stderr answers 500), the worker lives on, nothing is OOMKilled. Raising
 * the container's memory limit changes nothing; what decides is memory_limit (a php.ini, often a
 * mounted ConfigMap) against what the request loads — typically a new code path that reads a whole
 * result set into arrays instead of streaming it.
 */

/** `Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes) in /x/Result.php on line 84`. */
const EXHAUSTED = /Allowed memory size of (\d+) bytes exhausted(?: \(tried to allocate (\d+) bytes\))?(?: in (\S+?) on line (\d+))?/;

export interface MemoryLimitHit {
  limitBytes: number;
  file?: string;
  line?: number;
  /** `GET /reports/annual-statement`, when the line is nginx's relay of the request. */
  request?: string;
  /** The line from "PHP Fatal error" on (clipped). */
  quote: string;
}

export function parseMemoryLimitHit(line: string): MemoryLimitHit | undefined {
  const m = EXHAUSTED.exec(line);
  if (m === null) return undefined;
  const request = readRelayedRequest(line);
  const from = line.indexOf('PHP Fatal error');
  const quote = (from >= 0 ? line.slice(from) : m[0]).replace(/"\s+while reading.*$/, '').replace(/\s+/g, ' ').slice(0, 240);
  return {
    limitBytes: Number(m[1]),
    ...(m[3] !== undefined ? { file: m[3], line: Number(m[4]) } : {}),
    ...(request !== undefined ? { request } : {}),
    quote,
  };
}

/** PHP's shorthand for a byte count, as php.ini writes it: 134217728 → 128M. */
export function formatPhpBytes(bytes: number): string {
  const units = [['G', 1024 ** 3], ['M', 1024 ** 2], ['K', 1024]] as const;
  for (const [unit, size] of units) if (bytes >= size && bytes % size === 0) return `${bytes / size}${unit}`;
  return `${bytes} bytes`;
}

interface Seen {
  log: LogEvidence;
  hit: MemoryLimitHit;
  at?: IsoTime;
}

/** The container that runs PHP: the one logging the error itself (not relaying it), else one whose name or image says php. */
function phpContainer(seen: readonly Seen[], pod: PodEvidence | undefined): string | undefined {
  const own = seen.find((x) => !/FastCGI sent in stderr/.test(x.hit.quote) && !x.log.lines.some((l) => /FastCGI sent in stderr/.test(l)));
  if (own !== undefined) return own.log.container;
  return pod?.containers.find((c) => /php|fpm/i.test(`${c.name} ${c.image}`))?.name;
}

/** A ConfigMap the PHP container mounts as a php.ini: a subPath or file ending in .ini, or a directory whose keys do. */
export function iniConfigMap(pod: PodEvidence | undefined, container: string | undefined, configMaps: readonly NamespaceObjectEvidence[]): { name: string; key: string; path: string } | undefined {
  const c = pod?.containers.find((x) => x.name === container);
  for (const mount of c?.volumeMounts ?? []) {
    const volume = pod?.volumes?.find((v) => v.name === mount.name);
    if (volume?.source !== 'configMap' || volume.ref === undefined) continue;
    const file = mount.subPath ?? mount.mountPath.split('/').at(-1) ?? '';
    if (file.endsWith('.ini')) return { name: volume.ref, key: mount.subPath ?? file, path: mount.mountPath };
    if (mount.subPath !== undefined) continue;
    const key = configMaps.find((o) => o.kind === 'ConfigMap' && o.name === volume.ref)?.keys?.find((k) => k.endsWith('.ini'));
    if (key !== undefined) return { name: volume.ref, key, path: `${mount.mountPath.replace(/\/$/, '')}/${key}` };
  }
  return undefined;
}

export function analyzePhpMemoryLimit(ev: TriageEvidence): Finding[] {
  const seen: Seen[] = ev.logs.flatMap((log) => {
    if (findPod(ev, log.pod) === undefined) return [];
    return log.lines.flatMap((line) => {
      const hit = parseMemoryLimitHit(line);
      if (hit === undefined) return [];
      const at = readLogLineTime(line, ev.collectedAt);
      return [{ log, hit, ...(at !== undefined ? { at } : {}) }];
    });
  });
  const first = seen[0];
  if (first === undefined) return [];
  const limit = formatPhpBytes(first.hit.limitBytes);
  const pods = unique(seen.map((x) => x.log.pod));
  const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
  const php = phpContainer(seen, podObjects[0]);
  const containers = podObjects.flatMap((p) => p.containers.filter((c) => c.name === php));
  const oomKilled = containers.some((c) => getLastTermination(c)?.reason === 'OOMKilled');
  const memory = containers[0]?.resources.limits?.['memory'];
  const ini = iniConfigMap(podObjects[0], php, ev.namespaceObjects ?? []);
  const own = seen.find((x) => x.hit.file !== undefined && !VENDOR_CODE.test(x.hit.file)) ?? seen.find((x) => x.hit.file !== undefined);
  const requests = unique(seen.flatMap((x) => x.hit.request ?? []));
  const where = own?.hit.file !== undefined ? ` in ${own.hit.file} on line ${own.hit.line ?? '?'}` : '';
  const on = requests.length > 0 ? ` on ${requests.slice(0, 2).join(', ')}` : '';
  const setBy = ini !== undefined ? ` (php.ini from ConfigMap ${ini.name})` : '';
  const container = php !== undefined ? `the ${php} container` : 'the container';
  const notContainer = oomKilled ? '' : memory !== undefined ? `, far below ${container}'s ${memory} limit: nothing is OOMKilled` : ', not the container\'s memory: nothing is OOMKilled';
  const unhealthy = podObjects.filter((p) => !isPodHealthy(p, ev.collectedAt));
  const onset = earliest(seen.map((x) => x.at));
  return [
    {
      id: 'resource-exhaustion/php-memory-limit',
      kind: 'resource-exhaustion',
      title: `PHP's own memory_limit ${limit} (${first.hit.limitBytes} bytes)${setBy} is exhausted by requests${on}${notContainer}`,
      layer: 'container/process',
      severity: unhealthy.length > 0 ? severityForPods(ev, unhealthy.length) : 'warning',
      confidence: 'high',
      evidence: [
        `${seen.length} "Allowed memory size … exhausted" line${seen.length === 1 ? '' : 's'} in ${pods.length} pod${pods.length === 1 ? '' : 's'}: PHP aborts the request at memory_limit ${limit}, the worker lives on`,
        `log ${first.log.pod}/${first.log.container}: ${first.hit.quote}`,
        ...(own !== undefined && own !== first ? [`log ${own.log.pod}/${own.log.container}: ${own.hit.quote}`] : []),
        ...(requests.length > 0 ? [`request${requests.length === 1 ? '' : 's'} that hit it: ${requests.slice(0, 3).join(', ')}`] : []),
        ...(ini !== undefined ? [`${container} mounts ConfigMap ${ini.name} (key ${ini.key}) at ${ini.path}: the php.ini that sets memory_limit`] : []),
        ...(memory !== undefined && !oomKilled ? [`${container} may use ${memory} and was not OOMKilled: PHP, not the kernel, stops these requests`] : []),
      ],
      decisive: (own ?? first).hit.quote,
      ...(onset !== undefined ? { onset } : {}),
      likelyCause: `PHP stops any request that allocates past memory_limit ${limit}${setBy}${on}: the request loads too much at once (a whole result set read into arrays${where})${oomKilled ? '' : `; the container${memory !== undefined ? ` (${memory})` : ''} is far from full`}.`,
      nextAction: `Mitigate: raise memory_limit${ini !== undefined ? ` in ConfigMap ${ini.name} (${ini.key})` : ''} above ${limit} for that endpoint as a stopgap. Fix: stream or paginate the request${where} (iterate rows, unbuffered query, write incrementally) instead of loading it whole. A bigger container would change nothing: PHP stops the request, not the kernel.`,
      fix: `stream or paginate ${requests[0] ?? `the request${where}`} instead of loading it whole, or raise PHP's memory_limit (now ${limit})${ini !== undefined ? ` in ConfigMap ${ini.name}` : ''}`,
      confirmCommands: [formatKubectl(ev.target, `logs ${first.log.pod} -c ${first.log.container} --tail=200`)],
      affected: { pods, nodes: listNodesOf(podObjects) },
    },
  ];
}
