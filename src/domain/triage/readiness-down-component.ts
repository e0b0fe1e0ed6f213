/**
 * A readiness endpoint that answers 5xx because one actuator health component in its group is
 * DOWN, told with that component (actuator-health-log.ts). For diskSpace the component is a
 * volume: Spring measures the free space of management.health.diskspace.path, and the volume
 * mounted there — a claim, when the pods write to one — is what filled. Restarting frees nothing on
 * a persistent volume, and a full disk in the readiness group takes every replica out of the
 * Service at once: free or expand the volume, and check disk space with an alert, not readiness.
 */
import type { DownHealthComponent } from './actuator-health-log.js';
import { formatBytes } from './actuator-health-log.js';
import type { ContainerEvidence, PodEvidence, PvcEvidence } from './evidence.js';
import { findFullMount } from './full-mount.js';
import { unique } from './pod-status.js';

export interface DownComponentReading {
  /** For the title: "its diskSpace health check is DOWN: …". */
  scope: string;
  cause: string;
  fix: string;
  action: string;
  decisive: string;
  evidence: string[];
}

export interface DownComponentInput {
  down: DownHealthComponent;
  /** The probed path and the status it answers: "/actuator/health/readiness", "503". */
  path: string;
  status: string;
  /** The unready pods with their probed container. */
  hits: readonly { pod: PodEvidence; container: ContainerEvidence }[];
  pvcs: readonly PvcEvidence[];
  /** The error the container's log gives after the indicator's warning (its exception), when any. */
  told?: string;
}

export function explainDownComponent(input: DownComponentInput): DownComponentReading {
  const { down, path, status } = input;
  const container = input.hits[0]?.container.name ?? 'the app';
  if (down.component === 'diskSpace') return explainLowDisk(input, container);
  const told = input.told !== undefined && input.told !== down.line ? input.told : undefined;
  const fix = `fix what the ${down.component} check reaches${told ? ` ("${told}")` : ''}`;
  return {
    scope: `its ${down.component} health check is DOWN ("${down.line}")`,
    cause: `${container} answers ${path} with ${status} because the actuator's ${down.component} health component in that group is DOWN: "${down.line}"${told ? `, and its log says why: "${told}"` : ''}. Fix what that check reaches; restarting the pods or relaxing the probe does not.`,
    fix,
    action: `${fix[0]?.toUpperCase() ?? ''}${fix.slice(1)}; restarting the pods does not. If one ${down.component} failure should not take every replica out of the Service, take ${down.component} out of the readiness group.`,
    decisive: told ?? down.line,
    evidence: [`${container}'s log: ${down.line}`, ...(told ? [`${container}'s log: ${told}`] : [])],
  };
}

function explainLowDisk(input: DownComponentInput, container: string): DownComponentReading {
  const { down, path, status } = input;
  // Spring's warning names no path: the mount is the container's only writable claim, told as an inference.
  const mounts = input.hits.map((h) => ({ pod: h.pod.name, m: findFullMount(h.pod, h.container, down.line) }));
  const claims = unique(mounts.flatMap(({ m }) => (m?.volume.source === 'pvc' && m.volume.ref ? [m.volume.ref] : [])));
  const mountPaths = unique(mounts.flatMap(({ m }) => (m ? [m.mount.mountPath] : [])));
  const sizes = unique(claims.map((c) => input.pvcs.find((p) => p.name === c)).flatMap((p) => (p?.capacity ?? p?.requested ? [p.capacity ?? p.requested ?? ''] : [])));
  const free = down.availableBytes !== undefined ? formatBytes(down.availableBytes) : undefined;
  const threshold = down.threshold !== undefined ? `${down.threshold}${formatBytes(down.threshold) !== down.threshold ? ` = ${formatBytes(down.threshold)}` : ''}` : undefined;
  const claimNames = claims.length > 0 ? `PVC${claims.length > 1 ? 's' : ''} ${claims.join(', ')}` : undefined;
  const size = sizes.length === 1 ? `${sizes[0] ?? ''}${claims.length > 1 ? ' each' : ''}` : undefined;
  const where = mountPaths.length > 0 ? `${mountPaths.join(', ')}${claimNames ? ` (${claimNames}${size ? `, ${size}` : ''})` : ''}` : 'the disk it checks';
  const level = `${free ? `${free} free` : 'free space'}${threshold ? `, below its threshold ${threshold}` : ', below its threshold'}`;
  const grow = claimNames !== undefined ? `expand ${claimNames}${size ? ` (${size})` : ''} or free space on ${claims.length === 1 ? 'it' : 'them'}` : `free or add space on ${where}`;
  const fix = `${grow}, and take diskSpace out of the readiness group (alert on it instead)`;
  return {
    scope: `its diskSpace health check is DOWN: ${where} is nearly full (${level})`,
    cause: `${container} answers ${path} with ${status} because the actuator's diskSpace check in that group is DOWN: "${down.line}". ` +
      `Spring measures the free space of management.health.diskspace.path; the volume ${container} writes to is ${where}${mounts.some(({ m }) => m?.how === 'only-claim') ? ' (its only writable claim; the warning itself names no path)' : ''}, and it has filled past the threshold. ` +
      `With diskSpace among the checks ${path} aggregates, every replica whose volume fills leaves the Service, though the app is up. Restarting frees nothing on a persistent volume.`,
    fix,
    action: `Mitigate: ${grow} (the bot will not), then find what filled it. Take diskSpace out of the readiness group and alert on it instead, so a full disk no longer empties the Service. Restarting the pods frees nothing.`,
    decisive: down.line,
    evidence: [
      `${container}'s log: ${down.line}`,
      ...mounts.filter(({ m }) => m !== undefined).slice(0, 3).map(({ pod, m }) => `${pod}: ${container} writes to ${m?.mount.mountPath ?? ''} on volume ${m?.volume.name ?? ''} (${m?.volume.source ?? ''}${m?.volume.ref ? ` ${m.volume.ref}` : ''})`),
    ],
  };
}
