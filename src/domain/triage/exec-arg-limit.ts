/**
 * "argument list too long" (E2BIG) when the runtime execs the entrypoint: Linux refuses an
 * execve whose single argv or envp string (NAME=value and its NUL) exceeds MAX_ARG_STRLEN,
 * 128 KiB, or whose strings together exceed ARG_MAX (a quarter of the stack limit, ~2 MiB).
 * The usual culprit is a ConfigMap value injected as env (envFrom or valueFrom) that grew; the
 * kubelet reads it when it starts a container, so containers started before the change keep the
 * old value and run on. Without a large value in sight: Secrets (never read), the namespace's
 * Service link variables, or a huge args list.
 */
import type { ContainerSpecEvidence, IsoTime, NamespaceObjectEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import { formatAgo, msBetween } from './time-span.js';
import { formatBytes } from './quantity.js';

/** Linux's limit on one exec string, its NUL included (32 pages of 4 KiB). */
export const MAX_ARG_STRLEN = 131_072;
/** ARG_MAX under the usual 8 MiB stack limit: all argv and envp strings together. */
const TYPICAL_ARG_MAX = 2 * 1024 * 1024;
/** Roughly what service links add per Service port (…_SERVICE_HOST/PORT, …_PORT, …_PORT_<n>_TCP_*). */
const LINK_BYTES_PER_PORT = 300;
/** Link variables worth suspecting: a sizeable share of ARG_MAX. */
const LINKS_WORTH_NAMING = 256 * 1024;

const E2BIG = /argument list too long|\bE2BIG\b/i;

/** A ConfigMap value the container gets as one environment variable. */
export interface OversizedEnv {
  /** The variable's name in the container. */
  variable: string;
  configMap: string;
  key: string;
  /** The value's size in bytes. */
  bytes: number;
  how: 'envFrom' | 'valueFrom';
}

export interface ArgListTooLong {
  /** Values past the 128 KiB limit on one string, biggest first. */
  oversized: OversizedEnv[];
  /** When the ConfigMap holding the biggest one last changed. */
  changedAt?: IsoTime;
  /** Pods whose container started before that change: they hold the old value and still run. */
  olderPods: string[];
  /** Secrets injected as env: their sizes are never read. */
  secrets: string[];
  /** Services of the namespace whose link variables the kubelet adds (enableServiceLinks on), and their ports. */
  links?: { services: number; ports: number };
}

function configMapOf(ev: TriageEvidence, name: string): NamespaceObjectEvidence | undefined {
  return (ev.namespaceObjects ?? []).find((o) => o.kind === 'ConfigMap' && o.name === name);
}

/** The ConfigMap values the container's env takes in that are too big for one exec string. */
function findOversized(ev: TriageEvidence, container: ContainerSpecEvidence): OversizedEnv[] {
  const env = container.env ?? [];
  const explicit = new Set(env.map((e) => e.name));
  const fits = (variable: string, bytes: number) => variable.length + 1 + bytes + 1 <= MAX_ARG_STRLEN;
  const fromEnvFrom = (container.envFrom ?? []).filter((f) => f.kind === 'configMap').flatMap((f) =>
    (configMapOf(ev, f.name)?.largeKeys ?? [])
      // A variable the container's env sets itself wins over envFrom.
      .filter((k) => !explicit.has(k.key) && !fits(k.key, k.bytes))
      .map((k) => ({ variable: k.key, configMap: f.name, key: k.key, bytes: k.bytes, how: 'envFrom' as const })),
  );
  const fromValueFrom = env.flatMap((e) => {
    if (!('ref' in e) || e.ref.kind !== 'configMap' || e.ref.name === undefined || e.ref.key === undefined) return [];
    const size = configMapOf(ev, e.ref.name)?.largeKeys?.find((k) => k.key === e.ref.key);
    return size && !fits(e.name, size.bytes) ? [{ variable: e.name, configMap: e.ref.name, key: size.key, bytes: size.bytes, how: 'valueFrom' as const }] : [];
  });
  return [...fromValueFrom, ...fromEnvFrom].sort((a, b) => b.bytes - a.bytes);
}

function startedAt(pod: PodEvidence, container: string): IsoTime | undefined {
  const state = pod.containers.find((c) => c.name === container)?.state;
  return state && 'running' in state ? state.running.startedAt : undefined;
}

/** Why exec refused the container's start, when the runtime's message says E2BIG; undefined otherwise. */
export function findArgListTooLong(message: string | undefined, ev: TriageEvidence, container: ContainerSpecEvidence, failing: readonly PodEvidence[]): ArgListTooLong | undefined {
  if (message === undefined || !E2BIG.test(message)) return undefined;
  const oversized = findOversized(ev, container);
  const changedAt = oversized[0] ? (() => { const cm = configMapOf(ev, oversized[0].configMap); return cm?.changedAt ?? cm?.createdAt; })() : undefined;
  const failingNames = new Set(failing.map((p) => p.name));
  const olderPods = changedAt === undefined ? [] : ev.pods.filter((p) => {
    const started = failingNames.has(p.name) ? undefined : startedAt(p, container.name);
    return started !== undefined && msBetween(started, changedAt) > 0;
  }).map((p) => p.name);
  const secrets = [
    ...(container.envFrom ?? []).filter((f) => f.kind === 'secret').map((f) => f.name),
    ...(container.env ?? []).flatMap((e) => ('ref' in e && e.ref.kind === 'secret' && e.ref.name !== undefined ? [e.ref.name] : [])),
  ].filter((s, i, all) => all.indexOf(s) === i);
  const linksOn = failing.length === 0 || failing.some((p) => p.enableServiceLinks !== false);
  const ports = ev.services.reduce((n, s) => n + Math.max(1, s.ports.length), 0);
  return {
    oversized,
    ...(changedAt !== undefined ? { changedAt } : {}),
    olderPods,
    secrets,
    ...(linksOn && ev.services.length > 0 ? { links: { services: ev.services.length, ports } } : {}),
  };
}

/** The words a finding uses for it: a title suffix, evidence, cause, action and fix. */
export function tellArgListTooLong(hit: ArgListTooLong, container: string, now: IsoTime): { title: string; evidence: string[]; cause: string; action: string; fix: string } {
  const big = hit.oversized[0];
  if (big === undefined) return tellUnknownSource(hit, container);
  const via = big.how === 'envFrom' ? 'injected with envFrom' : `injected as env ${big.variable} via valueFrom`;
  const others = hit.oversized.length > 1 ? ` (and ${hit.oversized.slice(1).map((o) => `${o.key} of ${o.configMap}`).join(', ')})` : '';
  const changed = hit.changedAt ? `, changed ${formatAgo(hit.changedAt, now)}` : '';
  const older = hit.olderPods.length > 0
    ? ` The kubelet reads the value when it starts a container: ${hit.olderPods.length} pod${hit.olderPods.length > 1 ? 's' : ''} started before the change hold${hit.olderPods.length > 1 ? '' : 's'} the old, smaller value and keep${hit.olderPods.length > 1 ? '' : 's'} running, while every container started since fails.`
    : ' The kubelet reads the value when it starts a container, so every container started since the value grew fails.';
  return {
    title: `: ConfigMap ${big.configMap} key ${big.key} (${formatBytes(big.bytes)}, ${via}) is past Linux's 128 KiB limit on one environment variable${others}`,
    evidence: hit.oversized.map((o) => `ConfigMap ${o.configMap}${o.configMap === big.configMap ? changed : ''}: key ${o.key} is ${o.bytes} bytes (${formatBytes(o.bytes)}), over the ${MAX_ARG_STRLEN}-byte limit; ${container} gets it as env ${o.variable} (${o.how})`),
    cause: `The runtime's execve of ${container} fails with E2BIG ("argument list too long"): Linux refuses any single argument or environment string (NAME=value) over 128 KiB (MAX_ARG_STRLEN, ${MAX_ARG_STRLEN} bytes). Key ${big.key} of ConfigMap ${big.configMap} is ${big.bytes} bytes, and ${container} takes it ${big.how === 'envFrom' ? 'in through envFrom' : `as ${big.variable} through valueFrom`}, so the process never starts and writes no log.${older} Neither the image nor the node is at fault, and a restart brings the same value back.`,
    action: `Shrink ${big.key} in ConfigMap ${big.configMap} below 128 KiB (undo the write that grew it), or mount ${big.configMap} as a volume and read it as a file instead of ${big.how === 'envFrom' ? 'envFrom' : `env ${big.variable}`}; new containers start once it fits. Do not restart the pods that still run: they would pick up the value and fail too.`,
    fix: `shrink ${big.key} of ConfigMap ${big.configMap} below 128 KiB, or mount ${big.configMap} as a file instead of ${big.how === 'envFrom' ? 'envFrom' : 'env'}`,
  };
}

/** E2BIG with no large ConfigMap value in sight: what it means and where the size can come from. */
function tellUnknownSource(hit: ArgListTooLong, container: string): { title: string; evidence: string[]; cause: string; action: string; fix: string } {
  const suspects: string[] = [];
  if (hit.secrets.length > 0) suspects.push(`the Secret${hit.secrets.length > 1 ? 's' : ''} ${hit.secrets.join(', ')} injected as env (never read by the bot)`);
  suspects.push('an argument of the command grown past 128 KiB');
  const estimate = hit.links ? hit.links.ports * LINK_BYTES_PER_PORT : 0;
  const links = hit.links ? `the link variables enableServiceLinks adds for the namespace's ${hit.links.services} Services (about ${estimate < 1024 ? `${estimate} bytes` : formatBytes(estimate)})` : undefined;
  // Link variables matter only by the thousand Services; a few hundred bytes are not the cause.
  const manyLinks = links !== undefined && estimate >= LINKS_WORTH_NAMING;
  if (links && manyLinks) suspects.unshift(`${links}${estimate >= TYPICAL_ARG_MAX ? ', past ARG_MAX on their own' : ''}`);
  const evidence = hit.links && manyLinks ? [`${hit.links.services} Services in the namespace with enableServiceLinks on: about ${formatBytes(estimate)} of link variables in every container`] : [];
  return {
    title: manyLinks && hit.links ? `: its environment is too big to exec (E2BIG); enableServiceLinks adds link variables for the namespace's ${hit.links.services} Services` : ': its environment or arguments are too big to exec (E2BIG)',
    evidence,
    cause: `The runtime's execve of ${container} fails with E2BIG ("argument list too long"): Linux refuses one argument or environment string over 128 KiB (MAX_ARG_STRLEN, ${MAX_ARG_STRLEN} bytes), or all of them together over ARG_MAX (about 2 MiB). No ConfigMap value the container takes as env is that big; suspects: ${suspects.join('; ')}${links && !manyLinks ? `; not ${links}` : ''}.`,
    action: `Find the oversized variable: check the sizes of the Secrets and ConfigMaps ${container} takes as env, set enableServiceLinks: false if the namespace has thousands of Services, and mount large values as files instead of env.`,
    fix: manyLinks ? 'set enableServiceLinks: false in the pod template' : 'shrink the oversized environment variable or argument (mount large values as files)',
  };
}
