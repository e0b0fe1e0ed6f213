import type { ContainerEvidence, LogEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import { findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { isPodHealthy, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { readLogLineTime } from '../log-line-time.js';
import { earliest } from '../time-span.js';
import { parseListenQueueFull } from '../listen-queue.js';

/**
 * uWSGI serves with a fixed set of workers (processes × threads); connections it cannot hand to a
 * worker wait in the socket's accept queue, whose length is `listen` (100 by default, capped by the
 * kernel's net.core.somaxconn). When every worker is held — typically by a slow dependency — the
 * queue fills and uWSGI says so ("listen queue of socket … full !!! (101/100)"); new connections,
 * the kubelet's probes among them, wait or are dropped. The probe timeouts are the symptom: the
 * fix is concurrency (more workers, threads or async) and a bounded dependency, not probe timing.
 */

/** `spawned uWSGI worker 4 (pid: 10, cores: 1)`: the master's own count of workers and their threads. */
const SPAWNED = /spawned uWSGI worker (\d+) \(pid: \d+, cores: (\d+)\)/;
/** uWSGI's request log names the worker and the core (thread) that served: `[pid: 7|app: 0|req: 1/2] … (1 switches on core 0)`. */
const SERVED_BY = /^\[pid: (\d+)\|app: \d+\|req: [^\]]+\].*\bon core (\d+)\)?\s*$/;
/** uWSGI's request log: `… GET /v1/x => generated 1800 bytes in 4523 msecs (HTTP/1.1 200)`. */
const REQUEST_MS = /=> generated \d+ bytes in (\d+) msecs/;
/** A call the app logs as slow, naming what it called: `places-api slow response: … took 4.52s`, `slow call to x: 4.5s`. */
const SLOW_CALL = [
  /\b(?<dep>[a-z][\w.-]*[a-z0-9]) slow (?:response|call|request)\b.*?\btook (?<n>\d+(?:\.\d+)?) ?(?<unit>ms|s)\b/i,
  /\bslow (?:response|call|request) (?:from|to) (?<dep>[a-z][\w.-]*[a-z0-9])\b.*?(?<n>\d+(?:\.\d+)?) ?(?<unit>ms|s)\b/i,
];
/** A few full-queue lines are a burst; this many is the pod's steady state. */
const MIN_FULL = 2;

interface Full {
  log: LogEvidence;
  socket: string;
  queued: number;
  backlog: number;
  line: string;
}

/** The worker count: uWSGI's own spawn lines, else its flags or UWSGI_* variables. */
function readWorkers(logs: readonly LogEvidence[], c: ContainerEvidence | undefined): { processes?: number; threads?: number; from: string } | undefined {
  for (const log of logs) {
    const spawned = log.lines.flatMap((l) => {
      const m = SPAWNED.exec(l);
      return m ? [{ n: Number(m[1]), cores: Number(m[2]) }] : [];
    });
    if (spawned.length > 0) return { processes: Math.max(...spawned.map((s) => s.n)), threads: Math.max(...spawned.map((s) => s.cores)), from: 'uWSGI\'s spawn lines' };
  }
  // The request log of one pod: the workers (pids) and cores (threads) it shows serving.
  for (const log of logs) {
    const served = log.lines.flatMap((l) => {
      const m = SERVED_BY.exec(l.trim());
      return m ? [{ pid: m[1] ?? '', core: Number(m[2]) }] : [];
    });
    if (served.length >= 8) return { processes: unique(served.map((s) => s.pid)).length, threads: Math.max(...served.map((s) => s.core)) + 1, from: 'the worker pids and cores of its request log' };
  }
  const words = [...(c?.command ?? []), ...(c?.args ?? [])];
  const flag = (names: string[]): number | undefined => {
    for (let i = 0; i < words.length; i++) {
      const w = words[i] ?? '';
      for (const n of names) {
        if (w === n) return Number(words[i + 1]) || undefined;
        if (w.startsWith(`${n}=`)) return Number(w.slice(n.length + 1)) || undefined;
      }
    }
    const env = c?.env?.find((e) => names.some((n) => e.name === `UWSGI_${n.replace(/^-+/, '').toUpperCase()}`));
    return env !== undefined && 'value' in env ? Number(env.value) || undefined : undefined;
  };
  const processes = flag(['--processes', '--workers', '-p']);
  const threads = flag(['--threads']);
  return processes !== undefined || threads !== undefined ? { ...(processes ? { processes } : {}), ...(threads ? { threads } : {}), from: 'its flags' } : undefined;
}

/** The ConfigMap holding uWSGI's ini (`--ini /etc/uwsgi/uwsgi.ini`): where processes, threads and listen are set. */
function iniConfigMap(pod: PodEvidence | undefined, c: ContainerEvidence | undefined): string | undefined {
  const words = [...(c?.command ?? []), ...(c?.args ?? [])];
  const at = words.findIndex((w) => w === '--ini' || w.startsWith('--ini='));
  const path = at < 0 ? undefined : words[at]?.startsWith('--ini=') ? words[at]?.slice(6) : words[at + 1];
  if (path === undefined) return undefined;
  const mount = c?.volumeMounts?.find((m) => path === m.mountPath || path.startsWith(`${m.mountPath.replace(/\/$/, '')}/`));
  const volume = pod?.volumes?.find((v) => v.name === mount?.name);
  return volume?.source === 'configMap' ? volume.ref : undefined;
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

export function analyzeUwsgiListenQueue(ev: TriageEvidence): Finding[] {
  const full: Full[] = ev.logs.flatMap((log) => {
    if (findPod(ev, log.pod) === undefined) return [];
    return log.lines.flatMap((line) => {
      const q = parseListenQueueFull(line);
      return q ? [{ log, ...q }] : [];
    });
  });
  const first = full[0];
  if (first === undefined || full.length < MIN_FULL) return [];
  const pods = unique(full.map((x) => x.log.pod));
  const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
  const app = first.log.container;
  const containers = podObjects.flatMap((p) => p.containers.filter((c) => c.name === app));
  const workers = readWorkers(ev.logs.filter((l) => l.container === app), containers[0]);
  const config = iniConfigMap(podObjects[0], containers[0]);
  const appLines = ev.logs.filter((l) => l.container === app && pods.includes(l.pod)).flatMap((l) => l.lines);
  const requestMs = appLines.flatMap((l) => REQUEST_MS.exec(l)?.[1] ?? []).map(Number).sort((a, b) => a - b);
  const slow = appLines.flatMap((l) => {
    for (const re of SLOW_CALL) {
      const m = re.exec(l);
      if (m?.groups) return [{ dep: m.groups['dep'] ?? '', ms: Number(m.groups['n']) * (m.groups['unit'] === 'ms' ? 1 : 1000), line: l.trim() }];
    }
    return [];
  });
  const deps = unique(slow.map((s) => s.dep));
  const dep = deps.length === 1 ? slow : [];
  const slowMs = dep.map((s) => s.ms).sort((a, b) => a - b);
  const held = dep[0] !== undefined ? `, held by slow ${dep[0].dep} calls (${formatSeconds(slowMs[0] ?? 0)}–${formatSeconds(slowMs.at(-1) ?? 0)})` : requestMs.length > 0 ? `, each request taking up to ${formatSeconds(requestMs.at(-1) ?? 0)}` : '';
  const count = workers?.processes !== undefined ? `${workers.processes} process${workers.processes === 1 ? '' : 'es'}${workers.threads !== undefined ? ` × ${workers.threads} thread${workers.threads === 1 ? '' : 's'}` : ''}` : undefined;
  const all = count !== undefined ? `all ${count} per pod are busy` : 'all its workers (processes × threads) are busy';
  const where = config !== undefined ? ` (ConfigMap ${config})` : '';
  const unhealthy = podObjects.filter((p) => !isPodHealthy(p, ev.collectedAt));
  const onset = earliest(full.map((x) => readLogLineTime(x.log.lines.find((l) => l.includes(x.line)) ?? '', ev.collectedAt)));
  return [
    {
      id: 'runtime-stall/uwsgi-listen-queue',
      kind: 'runtime-stall',
      title: `uWSGI's listen queue on ${first.socket} is full (${first.queued}/${first.backlog}: listen ${first.backlog}): ${all}${held}, so new connections — the kubelet's probes among them — wait or are dropped`,
      layer: 'capacity',
      severity: unhealthy.length > 0 ? severityForPods(ev, unhealthy.length) : 'warning',
      confidence: 'high',
      evidence: [
        `${full.length} "listen queue … full" lines in ${pods.length} pod${pods.length === 1 ? '' : 's'}; log ${first.log.pod}/${app}: ${first.line}`,
        ...(count !== undefined ? [`uWSGI workers: ${count} per pod (from ${workers?.from ?? 'its config'})${where}, listen backlog ${first.backlog}`] : []),
        ...(dep[0] !== undefined ? [`${dep.length} slow ${dep[0].dep} calls logged: ${dep[0].line.slice(0, 200)}`] : []),
        ...(requestMs.length > 0 ? [`uWSGI's request log: requests take ${formatSeconds(requestMs[0] ?? 0)}–${formatSeconds(requestMs.at(-1) ?? 0)}, so each worker serves few per second`] : []),
      ],
      decisive: first.line,
      ...(onset !== undefined ? { onset } : {}),
      likelyCause: `uWSGI hands connections to a fixed set of workers${count !== undefined ? ` (${count})` : ''}${where}; ${dep[0] !== undefined ? `slow ${dep[0].dep} calls hold every one of them` : 'every one is busy'}, so connections pile up in the socket's accept queue (listen ${first.backlog}) until it overflows: requests and the kubelet's probes wait or are dropped. The probe timeouts are the symptom.`,
      nextAction: `Mitigate: more replicas. Fix: more concurrency per pod (more processes or threads, or gevent/async workers)${where}, a larger listen (with net.core.somaxconn) than ${first.backlog}${dep[0] !== undefined ? `, and a shorter timeout on ${dep[0].dep} calls (or fix its slowness)` : ', and bound what holds the workers'}. Probe timing is not the cause.`,
      fix: `add uWSGI concurrency per pod (processes/threads or async${count !== undefined ? `; now ${count}` : ''})${config !== undefined ? ` in ConfigMap ${config}` : ''} and raise listen above ${first.backlog} (with net.core.somaxconn)${dep[0] !== undefined ? `; cap and fix the slow ${dep[0].dep} calls` : ''}`,
      confirmCommands: [formatKubectl(ev.target, `logs ${first.log.pod} -c ${app} --tail=200`)],
      affected: { pods, nodes: listNodesOf(podObjects) },
    },
  ];
}
