// A writer Service that selects one pod by name (statefulset.kubernetes.io/pod-name=mysql-0)
// never follows a failover: when the topology manager promotes another member and relabels it,
// the Service keeps sending writes to the old primary, now a read-only replica. The members' role
// labels say which pod is the primary now and the key the Service should select instead.
import type { PodEvidence, ServiceEvidence } from './evidence.js';
import type { IsoTime } from './evidence-spec.js';
import type { WriterServiceEvidence } from './evidence-writer-service.js';
import { formatAgo } from './time-span.js';

/** Labels the StatefulSet controller sets on each pod that name that one pod. */
const POD_PIN_KEYS: readonly string[] = ['statefulset.kubernetes.io/pod-name', 'apps.kubernetes.io/pod-index'];

/** A label naming a member's role: role, mysql.acme.io/role, spilo-role, app.kubernetes.io/role. */
const ROLE_KEY = /(^|[./_-])role$/i;
const PRIMARY_ROLE = /^(primary|master|leader|writer|read-?write)$/i;

export interface PodPin {
  key: string;
  value: string;
  /** The rest of the selector: it selects the pinned pod's fellow members. */
  rest: Record<string, string>;
}

/** The pair of a Service's selector that names one pod, when the rest of it still selects something. */
export function findPodPin(svc: Pick<ServiceEvidence, 'selector'>): PodPin | undefined {
  const key = POD_PIN_KEYS.find((k) => svc.selector[k] !== undefined);
  const value = key === undefined ? undefined : svc.selector[key];
  if (key === undefined || value === undefined) return undefined;
  const rest = Object.fromEntries(Object.entries(svc.selector).filter(([k]) => k !== key));
  return Object.keys(rest).length > 0 ? { key, value, rest } : undefined;
}

export interface PinnedWriter {
  service: string;
  pin: { key: string; value: string };
  /** The pod the pin selects. */
  pinned: string;
  /** Its own role label, when it has one ("mysql.acme.io/role=replica"). */
  pinnedRole?: string;
  /** When its server last restarted (a restart is when a demoted primary comes back a replica). */
  restartedAt?: IsoTime;
  /** The one other member whose role label says primary. */
  primary: { pod: string; key: string; value: string };
}

function primaryRole(p: PodEvidence): { key: string; value: string } | undefined {
  const found = Object.entries(p.labels).find(([k, v]) => ROLE_KEY.test(k) && PRIMARY_ROLE.test(v));
  return found ? { key: found[0], value: found[1] } : undefined;
}

/** The newest restart of any of its containers: the last run's end, or the start of a restarted one. */
function lastRestart(p: PodEvidence): IsoTime | undefined {
  const times = p.containers.filter((c) => c.restartCount > 0).flatMap((c) => {
    const last = c.lastState && 'terminated' in c.lastState ? c.lastState.terminated.finishedAt : undefined;
    const started = c.state && 'running' in c.state ? c.state.running.startedAt : undefined;
    return [last ?? started].filter((t): t is IsoTime => t !== undefined);
  });
  return times.sort().at(-1);
}

/** The Service selects a pod that is not the primary while exactly one other member is labelled primary. */
export function findPinnedWriter(w: WriterServiceEvidence): PinnedWriter | undefined {
  const pinned = w.pods.find((p) => p.labels[w.pin.key] === w.pin.value);
  if (pinned === undefined || primaryRole(pinned) !== undefined) return undefined;
  const primaries = w.pods.flatMap((p) => {
    const role = p === pinned ? undefined : primaryRole(p);
    return role ? [{ pod: p.name, ...role }] : [];
  });
  const [primary] = primaries;
  if (primary === undefined || primaries.length > 1) return undefined;
  const own = pinned.labels[primary.key];
  const restartedAt = lastRestart(pinned);
  return { service: w.service, pin: w.pin, pinned: pinned.name, ...(own === undefined ? {} : { pinnedRole: `${primary.key}=${own}` }), ...(restartedAt === undefined ? {} : { restartedAt }), primary };
}

/** "Service mysql-primary selects pod mysql-0 by name (statefulset…=mysql-0), a read-only replica (role=replica) since it restarted 46m ago, while mysql-1 is the primary (role=primary)". */
export function describePinnedWriter(p: PinnedWriter, now: IsoTime): string {
  const role = p.pinnedRole ? ` (${p.pinnedRole})` : '';
  const since = p.restartedAt ? ` since it restarted ${formatAgo(p.restartedAt, now)}` : '';
  return `Service ${p.service} selects pod ${p.pinned} by name (${p.pin.key}=${p.pin.value}), a read-only replica${role}${since}, while ${p.primary.pod} is the primary (${p.primary.key}=${p.primary.value})`;
}

/** Select the role label instead of the pod's name. */
export function fixPinnedWriter(p: PinnedWriter): string {
  return `select ${p.primary.key}=${p.primary.value} in Service ${p.service} instead of ${p.pin.key}=${p.pin.value}, so its writes follow the primary (now ${p.primary.pod}) through every failover`;
}
