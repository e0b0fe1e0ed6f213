/**
 * nginx in the workload's pods answering 502 because the app's response headers do not fit its
 * proxy_buffer_size (proxy-header-buffer.ts): the app answered, the probes pass, and only nginx's
 * "upstream sent too big header" says why. The ConfigMap its container mounts is named from the pod
 * spec (where the setting goes); its contents are not read, so no value is claimed.
 */
import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { pickMountedConfigReads } from '../mounted-config-reads.js';
import { listNodesOf } from '../pod-status.js';
import { HEADER_BUFFER_SETTING, findHeaderBufferFailures } from '../proxy-header-buffer.js';
import { formatBytes } from '../quantity.js';
import { earliest } from '../time-span.js';

export function analyzeProxyHeaderBuffer(ev: TriageEvidence): Finding[] {
  const found = findHeaderBufferFailures(ev.logs, ev.pods);
  if (found === undefined) return [];
  const { container, hits, answered502, paths, pods, largestSet } = found;
  const svc = ev.target.service;
  const last = hits[hits.length - 1] as (typeof hits)[number];
  const podObjects = ev.pods.filter((p) => pods.includes(p.name));
  const ready = podObjects.filter((p) => p.ready).length;
  const configMap = pickMountedConfigReads(ev.pods, ev.revisions, last.pod, container)[0]?.configMap;
  const file = configMap !== undefined ? `${container}'s config file (ConfigMap ${configMap})` : `${container}'s config file`;
  const where = paths.length > 0 ? ` on ${paths.slice(0, 3).join(', ')}${paths.length > 3 ? ', …' : ''}` : '';
  const failed = answered502 > 0 ? `${answered502} requests answered 502` : `${hits.length} answers dropped as 502`;
  const grown = largestSet !== undefined ? ` (the app logs ${largestSet.what} headers of up to ${formatBytes(largestSet.bytes)}B)` : '';
  const title = `${container} answers 502 "upstream sent too big header": ${svc}'s response headers${grown} outgrew nginx's ${HEADER_BUFFER_SETTING} (4k/8k by default), ${failed}${where} in ${pods.length} ${ready === pods.length ? 'ready ' : ''}pod${pods.length === 1 ? '' : 's'}`;
  const onset = earliest(hits.flatMap((h) => (h.at ? [h.at] : [])));
  const raise = `raise ${HEADER_BUFFER_SETTING} and proxy_buffers (e.g. 16k) in ${file}, or make ${svc}'s response headers (cookies) smaller`;
  return [
    {
      id: `container-config/proxy-header-buffer/${container}`,
      kind: 'container-config',
      title,
      layer: 'network/routing',
      severity: 'warning',
      confidence: answered502 > 0 ? 'high' : 'medium',
      evidence: [
        `${hits.length} "upstream sent too big header" line${hits.length === 1 ? '' : 's'} of container ${container} in ${pods.slice(0, 3).join(', ')}${pods.length > 3 ? ', …' : ''}`,
        `log ${last.pod}/${container}: ${last.line.slice(0, 300)}`,
        ...(answered502 > 0 ? [`${answered502} access-log line${answered502 === 1 ? '' : 's'} of ${container} answered 502: the app answered, nginx could not hold its headers`] : []),
        ...(largestSet !== undefined ? [`the app's log in these pods sets ${largestSet.what} headers of up to ${largestSet.bytes} bytes`] : []),
        `${HEADER_BUFFER_SETTING} is set in ${file}; its value was not read`,
        `${ready}/${podObjects.length} of these pods Ready: the probes' small answers fit`,
      ],
      decisive: last.quote,
      ...(onset !== undefined ? { onset } : {}),
      likelyCause:
        `nginx (container ${container}) reads the status line and headers of ${svc}'s answer into one buffer of ${HEADER_BUFFER_SETTING} (4k or 8k by default, one memory page); headers that do not fit (large or many Set-Cookie headers, typically) make it drop the answer and return 502 though ${svc} answered. ` +
        `It does so again and again, so the headers grew past the buffer: usually a release of ${svc} that sets bigger cookies or more headers.`,
      nextAction: `Mitigate: roll back the revision that grew ${svc}'s response headers, if one did; then ${raise}.`,
      fix: raise,
      confirmCommands: [formatKubectl(ev.target, `logs ${last.pod} -c ${container} --tail=200`), formatKubectl(ev.target, configMap !== undefined ? `get configmap ${configMap} -o yaml` : `exec ${last.pod} -c ${container} -- nginx -T`)],
      affected: { pods, nodes: listNodesOf(podObjects) },
    },
  ];
}
