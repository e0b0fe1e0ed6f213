/**
 * nginx in the workload's pods out of connections again and again (proxy-worker-connections.ts):
 * each worker holds at most worker_connections, a proxied request takes two, so past
 * worker_connections × worker_processes (about half of it in requests) nginx answers 500 and
 * the app behind it never sees the request. The limits are stated from the proxy's mounted config
 * file only when the collector read it; otherwise the finding says they were not read.
 */
import type { TriageEvidence } from '../evidence.js';
import type { ProxyConfigEvidence } from '../evidence-proxy-config.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, severityForPods } from '../pod-status.js';
import { findConnectionExhaustion } from '../proxy-worker-connections.js';
import { earliest } from '../time-span.js';

/** The last value the file gives a setting (nginx takes the last one of the main context). */
function valueOf(config: readonly ProxyConfigEvidence[], setting: string): ProxyConfigEvidence | undefined {
  return config.filter((s) => s.setting === setting).at(-1);
}

export function analyzeProxyWorkerConnections(ev: TriageEvidence): Finding[] {
  const found = findConnectionExhaustion(ev.logs, ev.pods);
  if (found === undefined) return [];
  const { container, hits, pods, answered } = found;
  const last = hits[hits.length - 1] as (typeof hits)[number];
  const decisive = [...hits].reverse().find((h) => / while /.test(h.quote)) ?? last;
  const files = hits.every((h) => h.runsOut === 'files');
  const podObjects = ev.pods.filter((p) => pods.includes(p.name));
  const config = ev.proxyConnectionConfig ?? [];
  const connections = valueOf(config, 'worker_connections');
  const processes = valueOf(config, 'worker_processes');
  const nofile = valueOf(config, 'worker_rlimit_nofile');
  const read = connections ?? processes ?? nofile;
  const where = read === undefined ? undefined : `ConfigMap ${read.configMap}, key ${read.key}`;
  // The file's value, else the one nginx reports in its own line.
  const limit = connections?.value ?? [...hits].reverse().find((h) => h.limit !== undefined)?.limit?.toString();
  const limits = [
    limit !== undefined ? `worker_connections ${limit}` : undefined,
    processes !== undefined ? `worker_processes ${processes.value}` : undefined,
  ].filter((x) => x !== undefined).join(' × ');
  const rlimit = nofile !== undefined ? `, worker_rlimit_nofile ${nofile.value}` : where !== undefined ? ', no worker_rlimit_nofile' : '';
  const setting = `${limits || 'worker_connections'}${rlimit}${where !== undefined ? ` (${where})` : ' (its config file was not read)'}`;
  const statuses = [...answered.entries()].sort((a, b) => b[1] - a[1]);
  const answeredText = statuses.length > 0 ? `; ${statuses.map(([s, n]) => `${n} request${n === 1 ? '' : 's'} answered ${s}`).join(', ')}` : '';
  const what = files ? 'out of file descriptors' : 'out of worker connections';
  const workload = ev.workload !== null ? `${ev.workload.kind.toLowerCase()}/${ev.workload.name}` : `the pods of ${container}`;
  const configMap = read?.configMap;
  const inFile = configMap !== undefined ? `in ConfigMap ${configMap}` : `in ${container}'s config file`;
  const raise = files ? `raise worker_rlimit_nofile (and the container's open-file limit)` : `raise worker_connections (with worker_rlimit_nofile at least twice it)`;
  const title = `nginx (container ${container}) in ${pods.length} pod${pods.length === 1 ? '' : 's'} is ${what}: "${decisive.quote}" — ${setting}${answeredText}`;
  const onset = earliest(hits.flatMap((h) => (h.at ? [h.at] : [])));
  return [
    {
      id: `resource-exhaustion/nginx-worker-connections/${container}`,
      kind: 'resource-exhaustion',
      title,
      layer: 'capacity',
      severity: severityForPods(ev, pods.length),
      confidence: where !== undefined || statuses.length > 0 ? 'high' : 'medium',
      evidence: [
        `${hits.length} line${hits.length === 1 ? '' : 's'} of container ${container} in ${pods.slice(0, 3).join(', ')}${pods.length > 3 ? ', …' : ''} say nginx ran ${what}`,
        `log ${decisive.pod}/${container}: ${decisive.quote.slice(0, 300)}`,
        ...(statuses.length > 0 ? [`${statuses.map(([s, n]) => `${n} access-log line${n === 1 ? '' : 's'} answered ${s}`).join(', ')}${answered.has('500') ? ': 500 is nginx\'s own answer when it cannot open a connection, the upstream never saw those' : ''}`] : []),
        where !== undefined ? `${container}'s config file sets ${setting}` : `worker_connections is set in ${container}'s config file (often a mounted ConfigMap); its value was not read`,
      ],
      decisive: decisive.quote,
      ...(onset !== undefined ? { onset } : {}),
      likelyCause:
        `Each nginx worker holds at most worker_connections connections, and a proxied request takes two (the client's and the upstream's), so the proxy serves about worker_connections × worker_processes ÷ 2 requests at once. ` +
        `The traffic now needs more: nginx answers 500 to what does not fit, while the upstream behind it answers fine. Usually a rise in load (more clients, slower upstream answers holding connections longer) against a limit that was never raised.`,
      nextAction: `Mitigate: ${raise} ${inFile} and roll ${workload}; and/or scale ${workload} out. Then check that the upstream keeps up with the extra load.`,
      fix: `${raise} ${inFile} and roll ${workload}`,
      confirmCommands: [formatKubectl(ev.target, `logs ${decisive.pod} -c ${container} --tail=200`), formatKubectl(ev.target, configMap !== undefined ? `get configmap ${configMap} -o yaml` : `exec ${decisive.pod} -c ${container} -- nginx -T`)],
      affected: { pods, nodes: listNodesOf(podObjects) },
    },
  ];
}
