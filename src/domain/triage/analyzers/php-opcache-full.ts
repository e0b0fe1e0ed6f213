import type { TriageEvidence } from '../evidence.js';
import { findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listOpcacheFullLogs } from '../opcache-full.js';
import { isPodHealthy, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { findErrorsSinceStart } from '../errors-since-start.js';
import { iniConfigMap } from './php-memory-limit.js';

/**
 * OPcache out of shared memory (opcache-full.ts): the setting that decides is
 * opcache.memory_consumption, usually in a php.ini the PHP container mounts from a ConfigMap (named
 * here, its data not read). A revision that grew the code base is the usual trigger.
 */
export function analyzePhpOpcacheFull(ev: TriageEvidence): Finding[] {
  const full = listOpcacheFullLogs(ev.logs).filter((x) => findPod(ev, x.log.pod) !== undefined);
  const first = full[0];
  if (first === undefined) return [];
  const pods = unique(full.map((x) => x.log.pod));
  const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
  const php = first.log.container;
  const ini = iniConfigMap(podObjects[0], php, ev.namespaceObjects ?? []);
  const where = ini ? ` (php.ini ${ini.key} from ConfigMap ${ini.name})` : '';
  const quote = (first.lines.at(-1) ?? '').replace(/^.*?(Warning|Not enough)/, (_m, w: string) => w).slice(0, 200);
  const total = full.reduce((n, x) => n + x.lines.length, 0);
  const unhealthy = podObjects.filter((p) => !isPodHealthy(p, ev.collectedAt));
  const onset = findErrorsSinceStart(ev, podObjects);
  const fix = `raise opcache.memory_consumption (and opcache.interned_strings_buffer)${ini ? ` in ConfigMap ${ini.name}` : ' in the php.ini'} above what the code base needs, then restart the pods`;
  return [
    {
      id: 'resource-exhaustion/php-opcache-memory',
      kind: 'resource-exhaustion',
      title: `PHP OPcache is out of shared memory: opcache.memory_consumption${where} is too small for the code base, so scripts that do not fit are compiled on every request (${total} "Not enough free shared space" lines in ${pods.length} pod${pods.length === 1 ? '' : 's'})`,
      layer: 'capacity',
      severity: unhealthy.length > 0 ? severityForPods(ev, unhealthy.length) : 'warning',
      confidence: 'high',
      evidence: [
        `${total} OPcache shared-memory lines of container ${php} in ${pods.length} pod${pods.length === 1 ? '' : 's'}`,
        `log ${first.log.pod}/${php}: ${quote}`,
        ...(ini ? [`${php} mounts ${ini.path} from ConfigMap ${ini.name} (key ${ini.key}): where opcache.memory_consumption is set`] : []),
      ],
      decisive: quote,
      ...(onset !== undefined ? { onset } : {}),
      likelyCause: `OPcache keeps compiled PHP in a fixed shared-memory segment (opcache.memory_consumption${where}). It is full: every script that does not fit is compiled again on each request, so latency multiplies and CPU saturates while nothing crashes; busy workers at pm.max_children follow from it. A revision that grew the code base outgrew the setting.`,
      nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; or roll back the revision that grew the code base.`,
      fix,
      confirmCommands: [formatKubectl(ev.target, `logs ${first.log.pod} -c ${php} --tail=200`), ...(ini ? [formatKubectl(ev.target, `get configmap ${ini.name} -o yaml`)] : [])],
      affected: { pods, nodes: listNodesOf(podObjects) },
    },
  ];
}
