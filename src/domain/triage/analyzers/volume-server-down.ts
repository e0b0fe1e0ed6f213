import type { TriageEvidence } from '../evidence.js';
import { describePodCommand, formatKubectl } from '../kubectl-command.js';
import { parseSchedulingMessage } from '../scheduling-message.js';
import type { DownVolumeServer } from '../volume-server.js';

export interface DownServerReading {
  title: string;
  cause: string;
  action: string;
  fix: string;
  evidence: string[];
  outsideWorkload: string;
  confirm: string[];
  confidence: 'high' | 'medium';
}

const IP = /^\[?[\d.:a-f]+\]?$/i;

/**
 * A failing NFS mount whose server is a Service of the namespace with no ready endpoint
 * (volume-server.ts): the verdict names the server, why its pod does not serve, and that the
 * workload's mounts — failing and hung — only follow from it.
 */
export function describeDownVolumeServer(ev: TriageEvidence, s: DownVolumeServer, volume: string, failing: readonly string[]): DownServerReading {
  const svc = s.service;
  const address = `${s.server}${s.path ? `:${s.path}` : ''}`;
  const how = IP.test(s.server) ? `the cluster IP of Service ${svc}` : `Service ${svc}'s name`;
  const hung = s.holders.filter((p) => !failing.includes(p.name));
  const state = (s.state?.text.replace(/\.$/, '') ?? `Service ${svc} has no ready endpoint`).replace(`Service ${svc} has no ready endpoint`, `Service ${svc} (${s.server}) has no ready endpoint`);
  const blocked = `${failing.length} pod${failing.length === 1 ? '' : 's'} cannot mount the share${hung.length > 0 ? `, ${hung.length} running pod${hung.length === 1 ? '' : 's'} holding it ${hung.length === 1 ? 'is' : 'are'} not ready` : ''}`;
  const pending = s.unscheduled;
  const zoneBound = pending !== undefined && parseSchedulingMessage(pending.message).reasons.some((r) => r.category === 'volume-zone');
  const claims = pending && pending.claims.length > 0 ? ` (claim ${pending.claims.join(', ')})` : '';
  const why = pending === undefined
    ? ''
    : ` Its pod ${pending.pod} cannot be scheduled${zoneBound ? `: its own volume${claims} is bound to a zone where no node it may use is left (volume node affinity conflict)` : ` (${pending.message.replace(/\.?\s*preemption:[\s\S]*$/, '')})`}, so the share has no server until it does.`;
  const place = pending === undefined
    ? `get ${svc}'s pods serving again`
    : zoneBound
      ? `get ${pending.pod} of ${svc} scheduled: bring up a node it may use in the zone of its volume${claims}`
      : `get ${pending.pod} of ${svc} scheduled where the scheduler says it has no room`;
  return {
    title: `NFS server ${svc} of volume ${volume}${s.claim ? ` (claim ${s.claim})` : ''} is down — ${state}; ${blocked}`,
    cause: `Volume ${volume} mounts ${address}, ${how}: the share is served from inside the cluster, and that Service has no ready endpoint, so nothing answers at the address.${why} The kubelet's mount of the share times out, so new pods wait in ContainerCreating; running pods keep their mount, but NFS mounts are hard by default, so whatever touches the share blocks until the server answers again — their reads time out and their probes fail. Pods of any revision fail the same way.`,
    action: `${place[0]?.toUpperCase() ?? ''}${place.slice(1)}${zoneBound ? ' (the cluster autoscaler\'s status says why none came)' : ''}; once ${svc} has a ready endpoint the mounts succeed on their next retry and blocked reads resume. Restarting the pods that mount the share does not help: they cannot mount it either.`,
    fix: place,
    evidence: [
      `volume ${volume} mounts NFS ${address}: ${how}`,
      state,
      ...(hung.length > 0 ? [`running pods that hold the mount, not ready: ${hung.slice(0, 3).map((p) => p.name).join(', ')}${hung.length > 3 ? ', …' : ''}`] : []),
    ],
    outsideWorkload: `the NFS server ${svc} the share comes from has no ready endpoint; pods of any revision fail to mount it`,
    confirm: [
      formatKubectl(ev.target, `get endpointslices -l kubernetes.io/service-name=${svc}`),
      ...(pending ? [describePodCommand(ev.target, pending.pod)] : []),
    ],
    confidence: s.state === undefined ? 'medium' : 'high',
  };
}
