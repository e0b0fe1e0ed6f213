import type { TriageEvidence } from '../evidence.js';
import { findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { isPodHealthy, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { findForkWarning, isWorkerTimeKill, readPreloadSetting, type ForkWarning } from '../fork-unsafe-library.js';
import { capitalize } from '../../text.js';

/**
 * Workers of a pre-forking server that hang because a library that is not fork-safe was started
 * in the master before the fork (fork-unsafe-library.ts): the library says so as each worker is
 * forked, and the server kills the hung workers at its own timeout. The probe timeouts, the 504s
 * and the SIGKILLs ("Perhaps out of memory?" — gunicorn's guess, not the kernel's) follow; the
 * app loaded before the fork is the mechanism, and the setting that loads it there the change.
 */
export function analyzeForkUnsafePreload(ev: TriageEvidence): Finding[] {
  const hits: { pod: string; container: string; warning: ForkWarning; kills: number }[] = [];
  for (const log of ev.logs) {
    if (findPod(ev, log.pod) === undefined) continue;
    const warning = findForkWarning(log.lines);
    const kills = log.lines.filter(isWorkerTimeKill).length;
    if (warning !== undefined && kills > 0) hits.push({ pod: log.pod, container: log.container, warning, kills });
  }
  const first = [...hits].sort((a, b) => a.warning.rank - b.warning.rank)[0];
  if (first === undefined) return [];
  const library = first.warning.library;
  const pods = unique(hits.map((h) => h.pod));
  const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
  const spec = podObjects[0]?.containers.find((c) => c.name === first.container);
  const preload = spec === undefined ? undefined : readPreloadSetting(spec);
  const server = preload?.server ?? (hits.some((h) => /HARAKIRI/.test(h.warning.line)) ? 'uWSGI' : 'the server');
  const kills = hits.reduce((n, h) => n + h.kills, 0);
  const unhealthy = ev.pods.filter((p) => !isPodHealthy(p, ev.collectedAt));
  const killWord = server === 'uWSGI' ? 'HARAKIRI' : server === 'Celery' ? 'hard time limit' : 'WORKER TIMEOUT';
  const loadedBy = preload === undefined ? 'started in the master before the fork' : preload.server === 'gunicorn' ? `started in the master before the fork (${preload.setting} loads the app there)` : `started in the master before the fork (${preload.setting})`;
  const unlazy = preload?.server === 'uWSGI'
    ? 'add --lazy-apps so each worker loads the app after the fork'
    : preload?.server === 'Celery'
    ? `create the ${library} client in a worker_process_init handler, after the fork`
    : `drop ${preload?.setting ?? 'the preload'}, or create the ${library} client after the fork (lazily on first use, or in a post_fork hook)`;
  return [{
    id: `runtime-stall/fork-unsafe/${first.container}`,
    kind: 'runtime-stall',
    title: `${server === 'the server' ? 'Forked workers' : `${server} workers`} hang on ${library} calls after the fork: ${library} was ${loadedBy} and is not fork-safe, so each worker waits until ${server} kills it (${killWord} ×${kills} in ${pods.length} pod${pods.length === 1 ? '' : 's'})`,
    ...(preload !== undefined && preload.server === 'gunicorn' ? { datesChange: true as const } : {}),
    layer: 'container/process',
    severity: unhealthy.length > 0 ? severityForPods(ev, unhealthy.length) : 'warning',
    confidence: preload !== undefined ? 'high' : 'medium',
    evidence: [
      `log ${first.pod}: ${first.warning.line.slice(0, 300)}`,
      `${kills} worker${kills === 1 ? '' : 's'} killed for time (${killWord}) in the logs of ${pods.length} pod${pods.length === 1 ? '' : 's'}`,
      ...(preload !== undefined ? [`${first.container} loads the app before forking its workers: ${preload.setting}`] : []),
      `${unhealthy.length}/${ev.pods.length} pods not ready now`,
    ],
    decisive: first.warning.line,
    likelyCause: `${library} was started in the ${server === 'the server' ? 'server' : server} master (a client or channel made at import) and the workers were forked from it afterwards; ${library} cannot follow that fork ("${first.warning.line.replace(/^.*?\] ?/, '').slice(0, 160)}"), so each worker inherits a copy without its background threads and its calls wait forever. The server kills the hung workers at its own timeout and forks new ones that hang the same way; requests time out (502/504) and so do the probes. ${server === 'gunicorn' ? 'gunicorn\'s "Perhaps out of memory?" after the SIGKILL is its guess, not the kernel\'s: it sent that SIGKILL itself.' : ''}`.trim(),
    nextAction: `${capitalize(unlazy)}. Raising the worker timeout or the probe timeouts only hides it; the dependency itself answers.`,
    fix: unlazy,
    confirmCommands: [formatKubectl(ev.target, `logs ${first.pod} -c ${first.container} --tail=300`)],
    affected: { pods, nodes: listNodesOf(podObjects) },
  }];
}
