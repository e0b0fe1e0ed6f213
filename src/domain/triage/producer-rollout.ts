/**
 * Which other Deployment of the namespace sends the messages the workload cannot take, when its
 * newest revision came just before the failures: the producer is recognised by what it shares with
 * the consumer — the lines name it (Celery's 'origin': 'gen7@billing-web'), the same topic, queue or
 * broker in its env, the same image repository (one codebase: web and worker), the same
 * app.kubernetes.io/part-of — else, with less weight, it is only the nearest rollout before.
 */
import type { ContainerSpecEvidence, RevisionContainerEvidence, TriageEvidence } from './evidence.js';
import type { NamespaceRolloutEvidence, RolloutRevisionEvidence } from './evidence-namespace-rollouts.js';
import type { ContractFailures } from './message-contract.js';
import { diffRevisions, formatEnvValue, shortenImageChange, sortRevisions, splitImage } from './revision-diff.js';
import { isInTriggerWindow, TRIGGER_SKEW_MS, TRIGGER_WINDOW_MS } from './trigger-window.js';
import { HOUR_MS, msBetween } from './time-span.js';

export interface ProducerRollout {
  deployment: string;
  newest: RolloutRevisionEvidence;
  previous?: RolloutRevisionEvidence;
  /** What ties it to the workload ("both use KAFKA_TOPIC \"orders.v1\""); undefined when it is only the nearest rollout before the failures. */
  by?: string;
  /** It runs the workload's image repository at another tag: one codebase, the workload an older or newer release of it. */
  sameCode: boolean;
  /** What its newest revision changed, what bears on the messages first. */
  changes: string[];
}

/** An env var naming where messages go: the strongest tie between a producer and its consumer. */
const CHANNEL_ENV = /TOPIC|QUEUE|STREAM|EXCHANGE|SUBJECT|CHANNEL|ROUTING/i;
/** An env var naming the broker both talk to: a tie, though a broker serves many. */
const BROKER_ENV = /BROKER|BOOTSTRAP|KAFKA|AMQP|RABBIT|NATS|PULSAR|SQS|SNS|PUBSUB|CELERY/i;
/** A change of a revision that bears on the messages it writes. */
const FORMAT_CHANGE = /serial|format|codec|schema|encod|protocol|proto|avro|json|task|topic|queue/i;
/** With nothing tying it to the workload, only a rollout this close before the failures is a suspect. */
const UNTIED_WINDOW_MS = HOUR_MS;
const PART_OF = 'app.kubernetes.io/part-of';

type Env = NonNullable<ContainerSpecEvidence['env']>;

function literalEnv(containers: readonly { env?: Env }[]): { name: string; value: string }[] {
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
function describeTie(own: { containers: readonly { image: string; env?: Env }[]; labels: Record<string, string>; lines: readonly string[] }, cand: NamespaceRolloutEvidence, newest: RolloutRevisionEvidence): { by: string; weight: number } | undefined {
  const named = cand.deployment.length >= 4 ? quoteNaming(own.lines, cand.deployment) : undefined;
  if (named !== undefined) return { by: `the log names it (${named})`, weight: 3 };
  const mine = literalEnv(own.containers);
  const theirs = literalEnv(newest.containers);
  const shared = (re: RegExp) => mine.find((e) => re.test(e.name) && theirs.some((t) => t.value === e.value && re.test(t.name)));
  const channel = shared(CHANNEL_ENV);
  if (channel) return { by: `both use ${channel.name} ${formatEnvValue(channel)}`, weight: 3 };
  const repos = new Set(own.containers.map((c) => splitImage(c.image).repo));
  const image = newest.containers.find((c) => repos.has(splitImage(c.image).repo));
  if (image) return { by: `it runs the same image, ${splitImage(image.image).repo.replace(/^.*\//, '')}, at ${splitImage(image.image).version}`, weight: 2 };
  const broker = shared(BROKER_ENV);
  if (broker) return { by: `both use ${broker.name} ${formatEnvValue(broker)}`, weight: 2 };
  const partOf = own.labels[PART_OF];
  if (partOf !== undefined && cand.labels[PART_OF] === partOf) return { by: `both are part of ${partOf}`, weight: 1 };
  return undefined;
}

/** The workload's containers as its failing pods run them, else as its newest revision has them. */
function ownContainers(ev: TriageEvidence, failures: ContractFailures): { image: string; env?: Env }[] {
  const pods = ev.pods.filter((p) => failures.hits.some((h) => h.pod === p.name));
  const fromPods: { image: string; env?: Env }[] = pods[0]?.containers ?? [];
  if (fromPods.length > 0) return fromPods;
  const newest: RevisionContainerEvidence[] = sortRevisions(ev.revisions)[0]?.containers ?? [];
  return newest;
}

function orderChanges(previous: RolloutRevisionEvidence | undefined, newest: RolloutRevisionEvidence): string[] {
  if (previous === undefined) return [];
  const lines = diffRevisions(previous, newest).map(shortenImageChange);
  return [...lines.filter((l) => FORMAT_CHANGE.test(l)), ...lines.filter((l) => !FORMAT_CHANGE.test(l))];
}

export function pickProducerRollout(ev: TriageEvidence, failures: ContractFailures): ProducerRollout | undefined {
  const onset = failures.onset ?? ev.collectedAt;
  const lines = failures.context;
  const pod = ev.pods.find((p) => failures.hits.some((h) => h.pod === p.name));
  const own = { containers: ownContainers(ev, failures), labels: pod?.labels ?? {}, lines };
  const candidates = (ev.namespaceRollouts ?? []).flatMap((cand) => {
    if (cand.deployment === ev.target.name) return [];
    const [newest, previous] = cand.revisions;
    if (newest === undefined || newest.replicas === 0) return [];
    const gap = msBetween(newest.createdAt, onset);
    const tie = describeTie(own, cand, newest);
    if (gap < -TRIGGER_SKEW_MS || gap > (tie ? TRIGGER_WINDOW_MS : UNTIED_WINDOW_MS)) return [];
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
    changes: orderChanges(best.previous, best.newest),
  };
}
