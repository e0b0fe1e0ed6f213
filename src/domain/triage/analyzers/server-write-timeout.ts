import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, unique } from '../pod-status.js';
import { findWriteTimeoutCut } from '../server-write-timeout.js';
import { readLineTime } from '../request-silence.js';
import { earliest } from '../time-span.js';
import { capitalize } from '../../text.js';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1).replace(/\.?0+$/, '')} s`;

/**
 * Long responses the workload's own server cuts at its write timeout (server-write-timeout.ts):
 * the pods are healthy and short requests succeed; the callers' "unexpected EOF" and EOF are the
 * same cut seen from their side. The setting is the mechanism, and the revision that set it the change.
 */
export function analyzeServerWriteTimeout(ev: TriageEvidence): Finding[] {
  const cut = findWriteTimeoutCut(ev.logs, ev.pods);
  if (cut === undefined) return [];
  const podObjects = ev.pods.filter((p) => cut.pods.includes(p.name));
  const ready = podObjects.filter((p) => p.ready).length;
  const paths = unique(cut.hits.flatMap((h) => h.path ?? []));
  const at = cut.elapsed === undefined ? '' : cut.elapsed[0] === cut.elapsed[1] || seconds(cut.elapsed[0]) === seconds(cut.elapsed[1]) ? ` after ${seconds(cut.elapsed[0])}` : ` after ${seconds(cut.elapsed[0])}–${seconds(cut.elapsed[1])}`;
  const on = paths.length === 0 ? '' : ` on ${paths.slice(0, 3).join(', ')}${paths.length > 3 ? ', …' : ''}`;
  const counted = `${cut.hits.length} in ${cut.pods.length} ${ready === cut.pods.length ? 'ready ' : ''}pod${cut.pods.length === 1 ? '' : 's'}`;
  const setting = cut.setting === undefined ? '' : ` (${cut.setting})`;
  // The last cut line of each pod, as logged: the thread quotes them and the error lines they stand for are explained.
  const quoted = cut.pods.slice(0, 3).flatMap((p) => {
    const h = cut.hits.filter((x) => x.pod === p).at(-1);
    return h === undefined ? [] : [`log ${p}: ${h.line.slice(0, 300)}`];
  });
  const last = cut.hits.at(-1);
  // A timeout the template sets is in force from the pods' start; else the first cut the logs show.
  const onset = cut.fromTemplate ? earliest(podObjects.map((p) => p.startTime ?? p.createdAt)) : earliest(cut.hits.map((h) => readLineTime(h.line)));
  const fix = `raise ${cut.env !== undefined ? `${cut.env}` : 'the server\'s write timeout'} above the longest response it must write (0 turns it off), or lift it per route for the streaming endpoints (Go: http.ResponseController SetWriteDeadline)`;
  return [{
    id: `container-config/server-write-timeout/${cut.container}`,
    kind: 'container-config',
    title: `${ev.target.name}'s HTTP server cuts long responses at its write timeout${setting}: writes to callers fail with "i/o timeout"${at}${on} (${counted}), and callers read EOF`,
    ...(onset !== undefined ? { onset } : {}),
    latent: 'the write timeout is in force from the process\'s start; it shows only when a response takes longer to write',
    layer: 'network/routing',
    severity: 'warning',
    confidence: cut.setting !== undefined ? 'high' : 'medium',
    evidence: [
      ...quoted,
      `${counted}: the server's own writes on its listening port timed out${at}; shorter responses are served`,
      ...(cut.setting !== undefined ? [`write timeout set: ${cut.setting}`] : []),
    ],
    decisive: last?.line ?? '',
    likelyCause:
      `The server bounds the time it may spend writing a response (Go's http.Server WriteTimeout, counted from the end of the request headers)${setting}: every write after that deadline fails with "i/o timeout" on the connection it accepted, so a response still streaming is cut and the caller reads "unexpected EOF", and one finished after it is logged as served while the caller gets EOF. ` +
      `The cuts fall at one elapsed time${at}, whatever the caller, while short requests succeed: the server's own timer, not the network or a slow client.`,
    nextAction: `${capitalize(fix)}; or roll back the change that set it. Restarting the pods will not help.`,
    fix,
    confirmCommands: [formatKubectl(ev.target, `logs ${last?.pod ?? ''} -c ${cut.container} --tail=200`)],
    affected: { pods: cut.pods, nodes: listNodesOf(podObjects) },
  }];
}
