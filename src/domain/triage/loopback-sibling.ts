/**
 * Containers of one pod share its network: a connection to 127.0.0.1:<port> (localhost, ::1) can
 * only reach a container of the same pod. When the container that serves that port (a database
 * proxy, a tunnel, a mesh agent) is down, its neighbours are refused there: their errors are the
 * consequence of its crash, not a fault of a dependency elsewhere.
 */
import { parseDependencyError } from './dependency-error-line.js';
import type { ContainerEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import { condenseStructuredLine } from './evidence-lookup.js';
import { findListenSetting } from './host-port-holders.js';

const LOOPBACK = /^(?:127(?:\.\d{1,3}){3}|localhost|\[?::1\]?|0\.0\.0\.0)$/i;

/** The loopback port a dependency address names ("127.0.0.1:5432" → 5432); undefined for any other host. */
export function parseLoopbackPort(dependency: string | undefined): number | undefined {
  const m = /^(.*):(\d{1,5})$/.exec(dependency ?? '');
  return m && LOOPBACK.test(m[1] ?? '') ? Number(m[2]) : undefined;
}

/** Down now: crashed, waiting to restart, or not started; a running container is up even while unready. */
function isDown(c: ContainerEvidence): boolean {
  const state = c.state;
  if (state !== undefined && 'running' in state) return false;
  return c.restartCount > 0 || state !== undefined;
}

/** The down container of `pod`, other than `client`, that serves loopback `dependency`; undefined otherwise. */
export function findDownLoopbackServer(pod: PodEvidence, client: string, dependency: string | undefined): { container: ContainerEvidence; served: string } | undefined {
  const port = parseLoopbackPort(dependency);
  if (port === undefined) return undefined;
  for (const c of [...pod.containers, ...pod.initContainers.filter((x) => x.sidecar)]) {
    if (c.name === client || !isDown(c)) continue;
    const served = findListenSetting(c, port);
    if (served !== undefined) return { container: c, served };
  }
  return undefined;
}

export interface LoopbackRefusal {
  pod: string;
  /** The neighbour that is refused. */
  client: string;
  address: string;
  line: string;
  served: string;
}

/** A neighbour of `server` in these pods whose log says it is refused at the loopback port `server` serves. */
export function findLoopbackRefusal(ev: TriageEvidence, pods: readonly PodEvidence[], server: string): LoopbackRefusal | undefined {
  for (const pod of pods) {
    for (const log of ev.logs.filter((l) => l.pod === pod.name && l.container !== server)) {
      for (const line of [...log.lines].reverse()) {
        const error = parseDependencyError(line);
        if (error?.problem !== 'refused' && error?.problem !== 'unreachable') continue;
        const found = findDownLoopbackServer(pod, log.container, error.dependency);
        if (found?.container.name === server) return { pod: pod.name, client: log.container, address: error.dependency ?? '', line: condenseStructuredLine(line.trim()), served: found.served };
      }
    }
  }
  return undefined;
}
