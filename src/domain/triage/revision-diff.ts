import type { EnvFromEvidence, EnvVarEvidence, PodTemplateEvidence, ProjectedSourceEvidence, ResourcesEvidence, RevisionContainerEvidence, RevisionEvidence } from './evidence.js';
import { schedulerOf } from './pod-scheduler.js';
import { describeAffinityTerm } from './pod-affinity.js';
import { redactSecrets } from './redact-secrets.js';
import { countTimes, findDuplicateEnv } from './duplicate-env.js';
import { findBrokenRefs } from './unexpanded-env-ref.js';
import { truncate } from '../text.js';
import { formatAgo } from './time-span.js';

/** Env names whose literal values are never shown, even redacted. */
const SENSITIVE_ENV_NAME = /pass|secret|token|key|credential|auth|cert|private|salt|signing/i;

/** An env var as a reviewer should see it: refs named, values redacted, sensitive names hidden. */
export function formatEnvValue(env: EnvVarEvidence): string {
  if ('ref' in env) {
    const target = [env.ref.name, env.ref.key].filter(Boolean).join('/');
    // A Downward API field (no name) reads as the spec writes it: fieldRef metadata.labels['…'].
    const kind = env.ref.kind === 'field' && env.ref.name === undefined ? 'fieldRef' : env.ref.kind;
    return `from ${kind}${target ? ` ${target}` : ''}${env.ref.divisor ? ` (divisor ${env.ref.divisor})` : ''}${env.ref.optional ? ' (optional)' : ''}`;
  }
  if (SENSITIVE_ENV_NAME.test(env.name)) return '(value hidden)';
  const value = truncate(env.value, 120);
  return JSON.stringify(redactSecrets(value));
}

/**
 * A name the newer env lists more than once, unlike the older: the kubelet keeps the last entry,
 * so the line says so rather than a plain value change ("added a second time" when the first
 * entry is the one that was there).
 */
function describeNewDuplicates(container: string, older: readonly EnvVarEvidence[], newer: readonly EnvVarEvidence[]): Map<string, string> {
  const had = new Set(findDuplicateEnv([{ name: container, env: older }]).map((d) => JSON.stringify(d.entries)));
  const lines = new Map<string, string>();
  for (const d of findDuplicateEnv([{ name: container, env: newer }])) {
    if (had.has(JSON.stringify(d.entries))) continue;
    const was = older.filter((e) => e.name === d.name);
    const again = d.entries.length === 2 && was.length === 1 && JSON.stringify(was[0]) === JSON.stringify(d.entries[0]);
    const values = d.entries.map(formatEnvValue).join(', then ');
    lines.set(d.name, `${container} env ${d.name} ${again ? 'added a second time' : `listed ${countTimes(d.entries.length)}`}, and the last entry wins: ${values}`);
  }
  return lines;
}

/**
 * Two values that are each a list of command-line options (JAVA_TOOL_OPTIONS, NODE_OPTIONS): the
 * options that changed, keyed by what comes before "=" ("-Dx=A → B", "added -Y", "removed -Z"),
 * so a one-flag change is not lost past the cut of two long values. Undefined for other values.
 */
function diffOptions(older: string, newer: string): string | undefined {
  const split = (v: string) => v.trim().split(/\s+/);
  const a = split(older);
  const b = split(newer);
  if (a.length < 2 || b.length < 2 || ![...a, ...b].every((t) => t.startsWith('-'))) return undefined;
  const keyOf = (t: string) => t.replace(/=.*$/, '');
  const before = new Map(a.map((t) => [keyOf(t), t]));
  const after = new Map(b.map((t) => [keyOf(t), t]));
  const parts: string[] = [];
  for (const [key, t] of after) {
    const was = before.get(key);
    if (was === undefined) parts.push(`added ${t}`);
    else if (was !== t) parts.push(`${was} → ${t.slice(key.length + 1)}`);
  }
  for (const [key, t] of before) if (!after.has(key)) parts.push(`removed ${t}`);
  return parts.length > 0 ? redactSecrets(truncate(parts.join(', '), 240)) : undefined;
}

function diffEnv(container: string, older: readonly EnvVarEvidence[], newer: readonly EnvVarEvidence[]): string[] {
  const lines: string[] = [];
  // Maps keep the last entry of a name, as the kubelet does.
  const before = new Map(older.map((e) => [e.name, e]));
  const after = new Map(newer.map((e) => [e.name, e]));
  const duplicated = describeNewDuplicates(container, older, newer);
  for (const [name, e] of after) {
    const old = before.get(name);
    const twice = duplicated.get(name);
    if (twice !== undefined) lines.push(twice);
    else if (!old) lines.push(`${container} env added ${name} = ${formatEnvValue(e)}`);
    else if (JSON.stringify(old) !== JSON.stringify(e)) {
      const a = formatEnvValue(old);
      const b = formatEnvValue(e);
      const options = 'value' in old && 'value' in e && !SENSITIVE_ENV_NAME.test(name) ? diffOptions(old.value, e.value) : undefined;
      if (options !== undefined) lines.push(`${container} env ${name} options: ${options}`);
      else lines.push(a === b ? `${container} env ${name} changed ${a}` : `${container} env ${name}: ${a} → ${b}`);
    }
  }
  for (const name of before.keys()) if (!after.has(name)) lines.push(`${container} env removed ${name}`);
  lines.push(...describeBrokenOrder(container, older, newer));
  return lines;
}

/**
 * An entry moved ahead of a variable its value references as `$(NAME)`: a diff by name shows no
 * change, yet the kubelet expands a reference only from the entries listed before it.
 */
function describeBrokenOrder(container: string, older: readonly EnvVarEvidence[], newer: readonly EnvVarEvidence[]): string[] {
  const broken = findBrokenRefs({ name: container, env: older }, { name: container, env: newer }).filter((r) => r.where === 'later');
  return [...new Set(broken.map((r) => r.holder))].map((holder) => {
    const names = broken.filter((r) => r.holder === holder).map((r) => r.name);
    const had = older.findIndex((e) => e.name === holder);
    const moved = had !== -1 && names.every((n) => older.some((e, i) => e.name === n && i < had));
    const list = names.length === 1 ? names[0] ?? '' : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
    return `${container} env ${holder} ${moved ? 'moved ahead of' : 'now listed before'} ${list}, which its value references as ${names.map((n) => `$(${n})`).join(', ')}`;
  });
}

function diffResources(container: string, older: ResourcesEvidence, newer: ResourcesEvidence): string[] {
  const lines: string[] = [];
  for (const kind of ['requests', 'limits'] as const) {
    const names = new Set([...Object.keys(older[kind]), ...Object.keys(newer[kind])]);
    for (const name of names) {
      const a = older[kind][name];
      const b = newer[kind][name];
      if (a === b) continue;
      lines.push(`${container} ${name} ${kind === 'requests' ? 'request' : 'limit'}: ${a ?? 'none'} → ${b ?? 'none'}`);
    }
  }
  return lines;
}

function diffList(label: string, older: readonly string[] | undefined, newer: readonly string[] | undefined): string[] {
  const a = older ?? [];
  const b = newer ?? [];
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  const show = (l: readonly string[]) => (l.length === 0 ? '(none)' : l.map((x) => JSON.stringify(x)).join(' '));
  return [`${label}: ${show(a)} → ${show(b)}`];
}

const formatSource = (s: ProjectedSourceEvidence): string => `${s.kind === 'configMap' ? 'ConfigMap' : 'Secret'} ${s.name}`;

/**
 * A source added to a projected volume after others: the volume's sources share one directory, and
 * where two project the same key the later one's file is the one the pod reads (an application.yaml
 * replaced whole). A source with no items projects every key it has; its keys are not in the spec.
 */
function diffProjectedSources(older: PodTemplateEvidence, newer: PodTemplateEvidence): string[] {
  const lines: string[] = [];
  for (const v of newer.volumes) {
    const was = older.volumes.find((o) => o.name === v.name && o.source === 'projected')?.projectedSources;
    if (v.source !== 'projected' || was === undefined || v.projectedSources === undefined) continue;
    const sources = v.projectedSources;
    sources.forEach((s, i) => {
      if (i === 0 || was.some((w) => w.kind === s.kind && w.name === s.name)) return;
      const before = sources.slice(0, i);
      const keys = s.items === undefined ? 'every key' : s.items.join(', ');
      const shared = s.items === undefined ? [] : s.items.filter((k) => before.some((b) => b.items?.includes(k)));
      const earlier = before.map((b) => `${formatSource(b)}${b.items === undefined ? '' : ` (${b.items.join(', ')})`}`).join(', ');
      lines.push(`projected volume ${v.name} adds ${formatSource(s)} (${keys}) after ${earlier}: ${shared.length > 0 ? `both project ${shared.join(', ')}, and the later one's file wins` : "a key both hold is the later one's file"}`);
    });
  }
  return lines;
}

/** Only the parts of two renderings that differ: "GET :9090/healthz" → "GET :9091/healthz". */
function diffRendered(label: string, older: string | undefined, newer: string | undefined): string[] {
  if (older === newer) return [];
  if (older === undefined) return [`${label} added: ${newer ?? ''}`];
  if (newer === undefined) return [`${label} removed (was ${older})`];
  const a = older.split(', ');
  const b = newer.split(', ');
  if (a.length === b.length) {
    const changed = a.map((x, i) => [x, b[i] ?? ''] as const).filter(([x, y]) => x !== y);
    return [`${label}: ${changed.map(([x, y]) => `${x} → ${y}`).join(', ')}`];
  }
  return [`${label}: ${older} → ${newer}`];
}

/** Sources added or removed, and the prefix of one both take: it renames every variable the source gives. */
function diffEnvFrom(name: string, older: readonly EnvFromEvidence[], newer: readonly EnvFromEvidence[]): string[] {
  const id = (s: EnvFromEvidence) => `${s.kind} ${s.name}`;
  const said = (s: EnvFromEvidence) => `${id(s)}${s.prefix ? ` (prefix ${s.prefix})` : ''}`;
  const lines: string[] = [];
  for (const s of newer) {
    const was = older.find((o) => id(o) === id(s));
    if (was === undefined) lines.push(`${name} envFrom added ${said(s)}`);
    else if ((was.prefix ?? '') !== (s.prefix ?? '')) lines.push(`${name} envFrom ${id(s)} prefix: ${was.prefix || '(none)'} → ${s.prefix || '(none)'}`);
  }
  for (const s of older) if (!newer.some((n) => id(n) === id(s))) lines.push(`${name} envFrom removed ${said(s)}`);
  return lines;
}

function diffContainer(older: RevisionContainerEvidence, newer: RevisionContainerEvidence, role: string): string[] {
  const name = `${role}${newer.name}`;
  const lines: string[] = [];
  if (older.image !== newer.image) lines.push(`${name} image: ${older.image} → ${newer.image}`);
  lines.push(...diffList(`${name} command`, older.command, newer.command));
  lines.push(...diffList(`${name} args`, older.args, newer.args));
  lines.push(...diffEnv(name, older.env, newer.env));
  lines.push(...diffEnvFrom(name, older.envFrom, newer.envFrom));
  lines.push(...diffResources(name, older.resources, newer.resources));
  for (const probe of ['liveness', 'readiness', 'startup'] as const) {
    lines.push(...diffRendered(`${name} ${probe} probe`, older.probes?.[probe], newer.probes?.[probe]));
  }
  if (older.ports !== undefined && newer.ports !== undefined) lines.push(...diffList(`${name} ports`, older.ports, newer.ports));
  const mounts = (c: RevisionContainerEvidence) => (c.volumeMounts ?? []).map((m) => `${m.name}→${m.mountPath}${m.subPath ? `[${m.subPath}]` : ''}${m.readOnly ? ' (ro)' : ''}`);
  if (older.volumeMounts !== undefined && newer.volumeMounts !== undefined) lines.push(...diffList(`${name} volume mounts`, mounts(older), mounts(newer)));
  if (older.securityContext !== newer.securityContext) lines.push(`${name} securityContext: ${older.securityContext ?? '{}'} → ${newer.securityContext ?? '{}'}`);
  for (const hook of ['postStart', 'preStop'] as const) lines.push(...diffRendered(`${name} ${hook} hook`, older.hooks?.[hook], newer.hooks?.[hook]));
  return lines;
}

function diffContainers(older: readonly RevisionContainerEvidence[], newer: readonly RevisionContainerEvidence[], role: string): string[] {
  const lines: string[] = [];
  for (const c of newer) {
    const old = older.find((o) => o.name === c.name);
    if (old) lines.push(...diffContainer(old, c, role));
    else lines.push(`${role}container ${c.name} added (${c.image}${c.command ? ` ${c.command.join(' ')}` : ''})`);
  }
  for (const o of older) if (!newer.some((c) => c.name === o.name)) lines.push(`${role}container ${o.name} removed`);
  return lines;
}

/**
 * Annotations that change on every rollout by design and mean nothing for behaviour: `kubectl
 * rollout restart`'s timestamp, config checksums (a chart's `checksum/config`: the ConfigMap's own
 * change is what matters), deploy tools' timestamps.
 */
const NOISE_ANNOTATION = /(^|\/)(restartedAt|checksum[\w.-]*|[\w.-]*timestamp|deployed-at|deployTime)$|^checksum\//i;

/** A pod annotation as a reviewer should see it: short, secrets redacted. */
function formatAnnotation(value: string): string {
  return JSON.stringify(redactSecrets(truncate(value, 120)));
}

/**
 * Annotations added, removed or changed: many are behaviour read by an admission webhook or a
 * plugin (a mesh's proxy config, Multus' extra networks), so they are part of what changed.
 */
function diffAnnotations(older: Record<string, string> | undefined, newer: Record<string, string> | undefined): string[] {
  if (older === undefined || newer === undefined) return [];
  const keys = [...new Set([...Object.keys(older), ...Object.keys(newer)])].filter((k) => !NOISE_ANNOTATION.test(k)).sort();
  return keys.flatMap((k) => {
    const a = older[k];
    const b = newer[k];
    if (a === b) return [];
    if (a === undefined) return [`pod annotation added ${k}: ${formatAnnotation(b ?? '')}`];
    if (b === undefined) return [`pod annotation removed ${k} (was ${formatAnnotation(a)})`];
    return [`pod annotation ${k}: ${formatAnnotation(a)} → ${formatAnnotation(b)}`];
  });
}

function formatRequirements(terms: readonly { key: string; operator: string; values: string[] }[][]): string[] {
  return terms.map((t) => t.map((r) => `${r.key} ${r.operator}${r.values.length > 0 ? ` (${r.values.join(',')})` : ''}`).join(' and '));
}

/** A compact-JSON securityContext without its sysctls, and those as `name=value`. */
function splitSysctls(context: string | undefined): { rest: string | undefined; sysctls: string[] } {
  if (context === undefined) return { rest: undefined, sysctls: [] };
  try {
    const { sysctls, ...rest } = JSON.parse(context) as { sysctls?: { name?: string; value?: string }[] } & Record<string, unknown>;
    const text = JSON.stringify(rest);
    return { rest: text === '{}' ? undefined : text, sysctls: (sysctls ?? []).map((s) => `${s.name ?? ''}=${s.value ?? ''}`) };
  } catch {
    return { rest: context, sysctls: [] };
  }
}

/**
 * The pod securityContext, with its sysctls on a line of their own: a kubelet refuses a pod for
 * one sysctl it does not allow, and that name is lost in a whole JSON object.
 */
function diffPodSecurityContext(older: string | undefined, newer: string | undefined): string[] {
  if (older === newer) return [];
  const a = splitSysctls(older);
  const b = splitSysctls(newer);
  const lines = a.rest === b.rest ? [] : [`pod securityContext: ${a.rest ?? '{}'} → ${b.rest ?? '{}'}`];
  if (JSON.stringify(a.sysctls) === JSON.stringify(b.sysctls)) return lines;
  const added = b.sysctls.filter((s) => !a.sysctls.includes(s));
  const removed = a.sysctls.filter((s) => !b.sysctls.includes(s));
  const parts = [...(added.length > 0 ? [`added ${added.join(', ')}`] : []), ...(removed.length > 0 ? [`removed ${removed.join(', ')}`] : [])];
  return [...lines, `pod securityContext sysctls ${parts.length > 0 ? parts.join(', ') : `reordered: ${b.sysctls.join(', ')}`}`];
}

function diffTemplate(older: PodTemplateEvidence | undefined, newer: PodTemplateEvidence | undefined): string[] {
  if (older === undefined || newer === undefined) return [];
  const lines = diffContainers(older.initContainers, newer.initContainers, 'init ');
  if (older.labels !== undefined && newer.labels !== undefined) {
    const keys = [...new Set([...Object.keys(older.labels), ...Object.keys(newer.labels)])].sort();
    for (const k of keys) {
      const a = older.labels[k];
      const b = newer.labels[k];
      if (a === b) continue;
      lines.push(a === undefined ? `pod label added ${k}=${b ?? ''}` : b === undefined ? `pod label removed ${k}=${a}` : `pod label ${k}: ${a} → ${b}`);
    }
  }
  lines.push(...diffAnnotations(older.annotations, newer.annotations));
  const volumes = (t: PodTemplateEvidence) => t.volumes.map((v) => `${v.name}:${v.source}${v.ref ? `/${v.ref}` : ''}${v.mode ? ` (mode ${v.mode})` : ''}${v.medium ? ` (medium ${v.medium}${v.sizeLimit ? `, sizeLimit ${v.sizeLimit}` : ''})` : ''}${v.items ? ` [items ${v.items.join(', ')}]` : ''}`);
  lines.push(...diffList('volumes', volumes(older), volumes(newer)));
  // A token's audience is invisible in the volume list, yet the API that reads the token checks it.
  for (const v of newer.volumes) {
    const was = older.volumes.find((o) => o.name === v.name)?.audience;
    if (was !== undefined && v.audience !== undefined && was !== v.audience) lines.push(`volume ${v.name} token audience: ${was} → ${v.audience}`);
  }
  lines.push(...diffProjectedSources(older, newer));
  if (older.serviceAccountName !== newer.serviceAccountName) lines.push(`serviceAccountName: ${older.serviceAccountName ?? 'default'} → ${newer.serviceAccountName ?? 'default'}`);
  lines.push(...diffList('imagePullSecrets', older.imagePullSecrets, newer.imagePullSecrets));
  const selector = (t: PodTemplateEvidence) => Object.entries(t.placement.nodeSelector).map(([k, v]) => `${k}=${v}`);
  lines.push(...diffList('nodeSelector', selector(older), selector(newer)));
  lines.push(...diffList('required node affinity', formatRequirements(older.placement.requiredNodeAffinity), formatRequirements(newer.placement.requiredNodeAffinity)));
  const podAffinity = (terms: PodTemplateEvidence['placement']['requiredPodAffinity']) => (terms ?? []).map(describeAffinityTerm);
  lines.push(...diffList('required pod affinity', podAffinity(older.placement.requiredPodAffinity), podAffinity(newer.placement.requiredPodAffinity)));
  lines.push(...diffList('required pod anti-affinity', podAffinity(older.placement.requiredPodAntiAffinity), podAffinity(newer.placement.requiredPodAntiAffinity)));
  const tolerations = (t: PodTemplateEvidence) => t.placement.tolerations.map((x) => `${x.key ?? '*'}${x.operator === 'Equal' ? `=${x.value ?? ''}` : ''}${x.effect ? `:${x.effect}` : ''}`);
  lines.push(...diffList('tolerations', tolerations(older), tolerations(newer)));
  if (older.nodeName !== newer.nodeName) lines.push(`nodeName: ${older.nodeName ?? '(unset)'} → ${newer.nodeName ?? '(unset)'}`);
  // Unset is default-scheduler: the API server fills it in, so an explicit default is no change.
  if (schedulerOf(older) !== schedulerOf(newer)) lines.push(`schedulerName: ${schedulerOf(older)} → ${schedulerOf(newer)}`);
  lines.push(...diffPodSecurityContext(older.securityContext, newer.securityContext));
  if (older.runtimeClassName !== newer.runtimeClassName) lines.push(`runtimeClassName: ${older.runtimeClassName ?? '(none)'} → ${newer.runtimeClassName ?? '(none)'}`);
  if (older.priorityClassName !== newer.priorityClassName) lines.push(`priorityClassName: ${older.priorityClassName ?? '(none)'} → ${newer.priorityClassName ?? '(none)'}`);
  if (older.hostNetwork !== newer.hostNetwork) lines.push(`hostNetwork: ${older.hostNetwork === true} → ${newer.hostNetwork === true}`);
  if (older.shareProcessNamespace !== newer.shareProcessNamespace) lines.push(`shareProcessNamespace: ${older.shareProcessNamespace === true} → ${newer.shareProcessNamespace === true}`);
  lines.push(...diffList('hostAliases', older.hostAliases, newer.hostAliases));
  // Unset is ClusterFirst: the API server fills it in, so an explicit ClusterFirst is no change.
  const policy = (t: PodTemplateEvidence) => t.dnsPolicy ?? 'ClusterFirst';
  if (policy(older) !== policy(newer)) lines.push(`dnsPolicy: ${policy(older)} → ${policy(newer)}`);
  if (older.dnsConfig !== newer.dnsConfig) lines.push(`dnsConfig: ${older.dnsConfig ?? '{}'} → ${newer.dnsConfig ?? '{}'}`);
  // Unset means the ServiceAccount decides, which mounts the token unless it says otherwise.
  const automount = (t: PodTemplateEvidence) => (t.automountServiceAccountToken === undefined ? '(unset)' : String(t.automountServiceAccountToken));
  if (automount(older) !== automount(newer)) lines.push(`automountServiceAccountToken: ${automount(older)} → ${automount(newer)}`);
  if (older.terminationGracePeriodSeconds !== newer.terminationGracePeriodSeconds) {
    lines.push(`terminationGracePeriodSeconds: ${older.terminationGracePeriodSeconds ?? 30} → ${newer.terminationGracePeriodSeconds ?? 30}`);
  }
  if (older.activeDeadlineSeconds !== newer.activeDeadlineSeconds) lines.push(`activeDeadlineSeconds: ${older.activeDeadlineSeconds ?? '(unset)'} → ${newer.activeDeadlineSeconds ?? '(unset)'}`);
  return lines;
}

/**
 * What changed from one revision to the next, one line per change: for every container the
 * image, command, args, env (secret values never shown), envFrom, requests and limits, probes,
 * ports, mounts and securityContext; then init containers and sidecars, volumes, service
 * account, pull secrets, nodeSelector, affinity, tolerations, schedulerName, the pod's securityContext, host
 * network and DNS policy, pod labels and annotations.
 * Empty for a `kubectl rollout restart` (only its restartedAt annotation changes).
 */
export function diffRevisions(older: RevisionEvidence, newer: RevisionEvidence): string[] {
  return diffPodTemplates(older, newer);
}

/** The same diff for any two pod templates: a CronJob's Jobs carry theirs (job-template-change.ts). */
export function diffPodTemplates(older: Pick<RevisionEvidence, 'containers' | 'template'>, newer: Pick<RevisionEvidence, 'containers' | 'template'>): string[] {
  return [...diffContainers(older.containers, newer.containers, ''), ...diffTemplate(older.template, newer.template)];
}

/** Splits "registry/repo:tag" or "registry/repo@sha256:…" at the tag or digest. */
export function splitImage(image: string): { repo: string; version: string } {
  const at = image.indexOf('@');
  if (at >= 0) return { repo: image.slice(0, at), version: image.slice(at) };
  const colon = image.lastIndexOf(':');
  return colon > image.lastIndexOf('/') ? { repo: image.slice(0, colon), version: image.slice(colon + 1) } : { repo: image, version: 'latest' };
}

/**
 * The headline change of a revision, short enough for a title: "app image 2.14.0 → 2.15.0",
 * else the first diff line.
 */
export function summarizeChange(older: RevisionEvidence, newer: RevisionEvidence): string | undefined {
  for (const c of newer.containers) {
    const old = older.containers.find((o) => o.name === c.name);
    if (!old || old.image === c.image) continue;
    const a = splitImage(old.image);
    const b = splitImage(c.image);
    return a.repo === b.repo ? `${c.name} image ${a.version} → ${b.version}` : `${c.name} image ${old.image} → ${c.image}`;
  }
  return diffRevisions(older, newer)[0];
}

/** "app image: registry/x/app:1.2 → registry/x/app:1.3" as "app image 1.2 → 1.3" when only the tag moved. */
export function shortenImageChange(line: string): string {
  const m = /^(.*) image: (\S+) → (\S+)$/.exec(line);
  if (!m) return line;
  const a = splitImage(m[2] ?? '');
  const b = splitImage(m[3] ?? '');
  return a.repo === b.repo ? `${m[1] ?? ''} image ${a.version} → ${b.version}` : line;
}

/** Revisions newest first. */
export function sortRevisions(revisions: readonly RevisionEvidence[]): RevisionEvidence[] {
  return [...revisions].sort((a, b) => b.revision - a.revision);
}

/**
 * The revision `pods` run (the newest of the history any of them runs), the one before it, and
 * `container` as that revision declares it (a main or an init container).
 */
export function podsRevisionContainer(
  revisions: readonly RevisionEvidence[],
  pods: readonly { revisionHash?: string }[],
  container: string,
): { rev?: RevisionEvidence; before?: RevisionEvidence; container?: RevisionContainerEvidence } {
  const sorted = sortRevisions(revisions);
  const i = sorted.findIndex((r) => pods.some((p) => p.revisionHash === r.hash));
  const rev = sorted[i];
  const c = rev?.containers.find((x) => x.name === container) ?? rev?.template?.initContainers.find((x) => x.name === container);
  return { ...(rev === undefined ? {} : { rev }), ...(i >= 0 && sorted[i + 1] !== undefined ? { before: sorted[i + 1] } : {}), ...(c === undefined ? {} : { container: c }) };
}

/**
 * The steps back in history from the revision `pods` run, newest first, as [newer, older] pairs;
 * none when the pods do not share one revision the history holds.
 */
export function listStepsBack(revisions: readonly RevisionEvidence[], pods: readonly { revisionHash?: string }[]): [RevisionEvidence, RevisionEvidence][] {
  const hashes = new Set(pods.map((p) => p.revisionHash ?? ''));
  const sorted = sortRevisions(revisions);
  const from = sorted.findIndex((r) => hashes.has(r.hash));
  if (hashes.size !== 1 || from < 0) return [];
  return sorted.slice(from + 1).map((older, i) => [sorted[from + i] as RevisionEvidence, older]);
}

/** The image tag of a revision's or pod's first container ("2.19.0"); none for latest or a digest. */
export function imageVersion(containers: readonly { image: string }[]): string | undefined {
  const image = containers[0]?.image;
  if (image === undefined) return undefined;
  const { version } = splitImage(image);
  return version === 'latest' || version.startsWith('@') ? undefined : version;
}

/** "revision 61 (4.8.0, 2h 5m ago)": how another workload's rollout is named in a finding. */
export function describeRevisionAt(r: RevisionEvidence, now: string): string {
  const v = imageVersion(r.containers);
  return `revision ${r.revision} (${v ? `${v}, ` : ''}${formatAgo(r.createdAt, now)})`;
}
