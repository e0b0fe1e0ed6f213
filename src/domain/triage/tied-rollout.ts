/**
 * Which other Deployment of the namespace changed just before the workload began to fail, when
 * what fails is something the two share (the messages one sends the other, the rows both write):
 * it is recognised by what it shares with the workload — the lines name it, the same channel or
 * database in its env, the same image repository (one codebase), the same
 * app.kubernetes.io/part-of — else, with less weight, it is only the nearest rollout before.
 * Each kind of failure says which env values tie (producer-rollout.ts, writer-rollout.ts).
 */
import type { ContainerSpecEvidence, IsoTime, RevisionContainerEvidence, TriageEvidence } from './evidence.js';
import type { NamespaceRolloutEvidence, RolloutRevisionEvidence } from './evidence-namespace-rollouts.js';
import { diffRevisions, shortenImageChange, sortRevisions, splitImage } from './revision-diff.js';
import { isInTriggerWindow, TRIGGER_SKEW_MS, TRIGGER_WINDOW_MS } from './trigger-window.js';
import { HOUR_MS, msBetween } from './time-span.js';

export interface TiedRollout {
  deployment: string;
  newest: RolloutRevisionEvidence;
  previous?: RolloutRevisionEvidence;
  /** What ties it to the workload ("both use KAFKA_TOPIC \"orders.v1\""); undefined when it is only the nearest rollout before the failures. */
  by?: string;
  /** It runs the workload's image repository at another tag: one codebase, the workload an older or newer release of it. */
  sameCode: boolean;
  /** What its newest revision changed, what bears on the failure first. */
  changes: string[];
}

export type Env = NonNullable<ContainerSpecEvidence['env']>;
type EnvFrom = NonNullable<ContainerSpecEvidence['envFrom']>;
export interface LiteralEnv { name: string; value: string }
/** A tie through env values both sides carry, with its words and weight (3: as strong as the log naming it). */
export type EnvTie = (mine: readonly LiteralEnv[], theirs: readonly LiteralEnv[]) => { by: string; weight: number } | undefined;

export interface RolloutLook {
  /** The first failure: the rollout is looked for before it. */
  onset: IsoTime;
  /** The workload's failing pods: their containers and labels are what it shares. */
  pods: readonly string[];
  /** The failure's lines: a Deployment they name is tied. */
  lines: readonly string[];
  /** Ties through env tried before the image (the channel, the database) … */
  strongEnv?: EnvTie;
  /** … and after it (the broker, which serves many). */
  weakEnv?: EnvTie;
  /** A change of a revision that bears on this kind of failure: listed first. */
  bearing: RegExp;
  /**
   * How long before the onset a tied rollout stays a suspect (default the trigger window): longer
   * where the first failure a log tail shows is not when they began (documents refused ever since
   * their sender changed them, the tail holding the last few minutes only).
   */
  tiedWindowMs?: number;
  /** Only a tied rollout is a suspect, never the nearest one alone (another namespace's). */
  tiedOnly?: true;
  /** A ConfigMap both take whole (envFrom) ties as strongly as the env values: where a shared database's address and user are kept. */
  sharedEnvFrom?: true;
}

/** With nothing tying it to the workload, only a rollout this close before the failures is a suspect. */
const UNTIED_WINDOW_MS = HOUR_MS;
const PART_OF = 'app.kubernetes.io/part-of';

export function literalEnv(containers: readonly { env?: Env }[]): LiteralEnv[] {
  return containers.flatMap((c) => (c.env ?? []).flatMap((e) => ('value' in e && e.value.length >= 3 ? [{ name: e.name, value: e.value }] : [])));
}

/** Where the lines name `name` as a word of its own, a few characters around it: "'origin': 'gen7@billing-web'". */
function quoteNaming(lines: readonly string[], name: string): string | undefined {
  const re = new RegExp(`(^|[^\\w-])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\w-]|$)`);
  for (const l of lines) {
    const m = re.exec(l);
    if (m) return l.slice(Math.max(0, l.lastIndexOf(' ', Math.max(0, m.index - 12)) + 1), m.index + m[0].length).trim();
  }
  return undefined;
}

/** How the candidate is tied to the workload, strongest first, with a weight. */
/** The first ConfigMap both sides take whole (envFrom) under the same prefix. */
function findSharedEnvFrom(mine: readonly { envFrom?: EnvFrom }[], theirs: readonly { envFrom?: EnvFrom }[]): string | undefined {
  const theirsFrom = theirs.flatMap((c) => c.envFrom ?? []).filter((e) => e.kind === 'configMap');
  return mine.flatMap((c) => c.envFrom ?? []).find((e) => e.kind === 'configMap' && theirsFrom.some((t) => t.name === e.name && t.prefix === e.prefix))?.name;
}

function describeTie(own: { containers: readonly { image: string; env?: Env; envFrom?: EnvFrom }[]; labels: Record<string, string>; lines: readonly string[] }, look: RolloutLook, cand: NamespaceRolloutEvidence, newest: RolloutRevisionEvidence): { by: string; weight: number } | undefined {
  const named = cand.deployment.length >= 4 ? quoteNaming(own.lines, cand.deployment) : undefined;
  if (named !== undefined) return { by: `the log names it (${named})`, weight: 3 };
  const mine = literalEnv(own.containers);
  const theirs = literalEnv(newest.containers);
  const strong = look.strongEnv?.(mine, theirs);
  if (strong) return strong;
  const shared = look.sharedEnvFrom ? findSharedEnvFrom(own.containers, newest.containers) : undefined;
  if (shared !== undefined) return { by: `both take ConfigMap ${shared} (envFrom)`, weight: 3 };
  const repos = new Set(own.containers.map((c) => splitImage(c.image).repo));
  const image = newest.containers.find((c) => repos.has(splitImage(c.image).repo));
  if (image) return { by: `it runs the same image, ${splitImage(image.image).repo.replace(/^.*\//, '')}, at ${splitImage(image.image).version}`, weight: 2 };
  const weak = look.weakEnv?.(mine, theirs);
  if (weak) return weak;
  const partOf = own.labels[PART_OF];
  if (partOf !== undefined && cand.labels[PART_OF] === partOf) return { by: `both are part of ${partOf}`, weight: 1 };
  return undefined;
}

/** The workload's containers as its failing pods run them, else as its newest revision has them. */
function ownContainers(ev: TriageEvidence, pods: readonly string[]): { image: string; env?: Env; envFrom?: EnvFrom }[] {
  const fromPods: { image: string; env?: Env; envFrom?: EnvFrom }[] = ev.pods.find((p) => pods.includes(p.name))?.containers ?? [];
  if (fromPods.length > 0) return fromPods;
  const newest: RevisionContainerEvidence[] = sortRevisions(ev.revisions)[0]?.containers ?? [];
  return newest;
}

function orderChanges(previous: RolloutRevisionEvidence | undefined, newest: RolloutRevisionEvidence, bearing: RegExp): string[] {
  if (previous === undefined) return [];
  const lines = diffRevisions(previous, newest).map(shortenImageChange);
  return [...lines.filter((l) => bearing.test(l)), ...lines.filter((l) => !bearing.test(l))];
}

export function pickTiedRollout(ev: TriageEvidence, look: RolloutLook): TiedRollout | undefined {
  const { onset } = look;
  const pod = ev.pods.find((p) => look.pods.includes(p.name));
  const own = { containers: ownContainers(ev, look.pods), labels: pod?.labels ?? {}, lines: look.lines };
  const candidates = (ev.namespaceRollouts ?? []).flatMap((cand) => {
    if (cand.deployment === ev.target.name) return [];
    const [newest, previous] = cand.revisions;
    if (newest === undefined || newest.replicas === 0) return [];
    const gap = msBetween(newest.createdAt, onset);
    const tie = describeTie(own, look, cand, newest);
    if (tie === undefined && look.tiedOnly) return [];
    if (gap < -TRIGGER_SKEW_MS || gap > (tie ? (look.tiedWindowMs ?? TRIGGER_WINDOW_MS) : UNTIED_WINDOW_MS)) return [];
    return [{ cand, newest, previous, tie, gap }];
  });
  const best = candidates.sort((a, b) => (b.tie?.weight ?? 0) - (a.tie?.weight ?? 0) || Math.abs(a.gap) - Math.abs(b.gap))[0];
  if (best === undefined) return undefined;
  // The workload's own rollout came later, still before the failures: that is the nearer change.
  const [mine] = sortRevisions(ev.revisions);
  if (mine !== undefined && isInTriggerWindow(mine.createdAt, onset) && mine.createdAt > best.newest.createdAt) return undefined;
  const repos = new Set(own.containers.map((c) => splitImage(c.image).repo));
  const sameCode = best.newest.containers.some((c) => repos.has(splitImage(c.image).repo) && !own.containers.some((o) => o.image === c.image));
  return {
    deployment: best.cand.deployment,
    newest: best.newest,
    ...(best.previous ? { previous: best.previous } : {}),
    ...(best.tie ? { by: best.tie.by } : {}),
    sameCode,
    changes: orderChanges(best.previous, best.newest, look.bearing),
  };
}
