/**
 * The change is in another workload. Some failures are driven by what others send or run, not by
 * the failing workload: a server unchanged for days refuses bodies over its size limit since a
 * caller's release began to send bigger ones; a shared Redis answers BUSY since another client's
 * release began to run a long script in it. The workload's own history shows no change; the
 * namespace's Deployments that rolled out shortly before the failure began do, and among them
 * those whose env names the server (its Service, as a host) — its callers, the dependency's other
 * clients — are the ones a senior SRE checks first. One that names nothing is only the nearest
 * rollout before (pickTiedRollout keeps it within the hour), and is said to be so.
 * Pure: the namespace's rollouts (read-namespace-rollouts.ts) and the failure's onset.
 */
import type { IsoTime, TriageEvidence } from './evidence.js';
import { type EnvTie, type TiedRollout, pickTiedRollout } from './tied-rollout.js';
import { TRIGGER_WINDOW_MS } from './trigger-window.js';
import { formatAgo } from './time-span.js';
import { escapeRegExp } from '../text.js';

export interface ClientRolloutLook {
  /** The first failure the lines date: the rollout is looked for before it. */
  onset: IsoTime;
  /** The Services the clients reach the server by: the workload's own (its callers), or the dependency's (its other clients). */
  services: readonly string[];
  /** The workload's failing pods and the failure's lines: a Deployment they name is tied too. */
  pods: readonly string[];
  lines: readonly string[];
  /** Words of a revision change that bear on this kind of failure: listed first. */
  bearing: RegExp;
  /** Another tie through env, tried when none names the Services: the same store host both address (data-object-rollout.ts). */
  strongEnv?: EnvTie;
}

export interface ClientRollout extends TiedRollout {
  /** The Service its env names, when that is what ties it. */
  names?: string;
}

/** Since when the namespace's rollouts are worth a read: the trigger window before the onset. */
export function clientRolloutsSince(onset: IsoTime): IsoTime {
  return new Date(Date.parse(onset) - TRIGGER_WINDOW_MS).toISOString();
}

/** An env value that names one of the Services as a host (`name`, `name.ns`, `name.ns.svc…`, with a scheme, user or port), not inside a longer name. */
function namesServiceHost(services: readonly string[]): EnvTie {
  return (_mine, theirs) => {
    for (const s of services) {
      const re = new RegExp(`(?<![\\w.-])${escapeRegExp(s)}(?![\\w-])(?:\\.[a-z0-9-]+(?:\\.svc(?:\\.[\\w.-]+)?)?)?(?::\\d+)?(?:[/?]|$)`);
      const hit = theirs.find((e) => re.test(e.value));
      if (hit) return { by: `its env ${hit.name} names ${s} (${hit.value})`, weight: 3 };
    }
    return undefined;
  };
}

/**
 * The Deployment of the namespace, other than the server's own, whose newest revision rolled out
 * within the trigger window before the onset: tied by its env naming the server's Service first,
 * else the nearest rollout before. Undefined when the workload's own rollout is the nearer change.
 */
export function findClientRollout(ev: TriageEvidence, look: ClientRolloutLook): ClientRollout | undefined {
  const serving = new Set(look.services);
  const rollouts = (ev.namespaceRollouts ?? []).filter((r) => !serving.has(r.deployment));
  if (rollouts.length === 0) return undefined;
  const byService = namesServiceHost(look.services);
  const tie: EnvTie = (mine, theirs) => byService(mine, theirs) ?? look.strongEnv?.(mine, theirs);
  const picked = pickTiedRollout({ ...ev, namespaceRollouts: rollouts }, { onset: look.onset, pods: look.pods, lines: look.lines, strongEnv: tie, bearing: look.bearing });
  if (picked === undefined) return undefined;
  const names = look.services.find((s) => picked.by?.includes(`names ${s} (`));
  return { ...picked, ...(names === undefined ? {} : { names }) };
}

/** "likely since revision 12 of web-shop (40m ago)": the change, in the verdict's words; "possibly" when nothing read ties it. */
export function describeClientSince(r: ClientRollout, now: IsoTime): string {
  return `${r.by === undefined ? 'possibly' : 'likely'} since revision ${r.newest.revision} of ${r.deployment} (${formatAgo(r.newest.createdAt, now)})`;
}

/** How it is tied, in a few words, for a title: "a caller whose env names it" or "the nearest rollout before, nothing ties it". */
export function describeClientTie(r: ClientRollout, role: string): string {
  if (r.names !== undefined) return `${role} whose env names ${r.names}`;
  if (r.by !== undefined) return `${role}: ${r.by}`;
  return 'the nearest rollout of the namespace before it, though nothing read ties it to this';
}

/** The way back: its revision before, by kubectl. */
export function formatClientUndo(r: ClientRollout, namespace: string): string | undefined {
  return r.previous === undefined ? undefined : `kubectl -n ${namespace} rollout undo deployment/${r.deployment} --to-revision=${r.previous.revision}`;
}
