/**
 * Pods that still run a ConfigMap's old value: a ConfigMap mounted with subPath is copied into the
 * container when it starts and never receives later edits, and env taken from a ConfigMap is
 * resolved only at start. Pods started before an edit keep the old value; pods started after read
 * the new one. When the old value is a host that stopped resolving (a decommissioned database),
 * the pods that fail are exactly the ones older than the edit, and the fix is a restart, not the
 * dependency.
 */
import type { IsoTime, LogEvidence, PodEvidence } from './evidence.js';
import type { StaleConfigEvidence } from './evidence-stale-config.js';
import { parseDependencyError } from './dependency-error-line.js';
import { formatAgo, msBetween } from './time-span.js';

/** A ConfigMap a pod reads in a way that is fixed at container start. */
export interface FrozenConfigSource {
  configMap: string;
  /** `subPath mount at /app/config/settings.yaml`, `env DB_HOST`, `envFrom`. */
  via: string;
  subPath: boolean;
}

/** ConfigMaps read at most per triage: the failing pods' frozen sources. */
const MAX_CONFIGMAPS = 2;
const MAX_LINES = 3;
const MAX_LINE_CHARS = 200;

/** The ConfigMaps the pod's containers read through a subPath mount or env: never refreshed while the container runs. Never Secrets. */
export function listFrozenConfigSources(pod: PodEvidence): FrozenConfigSource[] {
  const byVolume = new Map((pod.volumes ?? []).flatMap((v) => (v.source === 'configMap' && v.ref !== undefined ? [[v.name, v.ref] as const] : [])));
  const found: FrozenConfigSource[] = [];
  for (const c of pod.containers) {
    for (const m of c.volumeMounts ?? []) {
      const cm = byVolume.get(m.name);
      if (cm !== undefined && m.subPath !== undefined && m.subPath !== '') found.push({ configMap: cm, via: `subPath mount at ${m.mountPath}`, subPath: true });
    }
    for (const e of c.env ?? []) if ('ref' in e && e.ref.kind === 'configMap' && e.ref.name !== undefined) found.push({ configMap: e.ref.name, via: `env ${e.name}`, subPath: false });
    for (const f of c.envFrom ?? []) if (f.kind === 'configMap') found.push({ configMap: f.name, via: 'envFrom', subPath: false });
  }
  return found;
}

/** The host of a dependency (`db.example:5432` → `db.example`); undefined for an address or a bare name without a dot. */
export function readDependencyHost(dependency: string | undefined): string | undefined {
  const host = dependency?.replace(/:\d+$/, '');
  if (host === undefined || /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || !/^[a-z][\w-]*(\.[\w-]+)+$/i.test(host)) return undefined;
  return host;
}

/**
 * What to read: the host the current logs say does not resolve, and the ConfigMaps the pods that
 * log it read through subPath or env (at most two). Undefined when no such host or no such ConfigMap.
 */
export function pickStaleConfigRead(seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[] }): { host: string; configMaps: string[] } | undefined {
  const byHost = new Map<string, Set<string>>();
  for (const log of seen.logs) {
    if (log.previous) continue;
    for (const line of log.lines) {
      const err = parseDependencyError(line);
      // A host that no longer resolves, or one whose Service refuses (scaled to zero, no endpoints): both a retired dependency.
      if (err?.problem !== 'dns-missing' && err?.problem !== 'refused') continue;
      const host = readDependencyHost(err.dependency);
      if (host !== undefined) byHost.set(host, (byHost.get(host) ?? new Set()).add(log.pod));
    }
  }
  const [host, pods] = [...byHost].sort((a, b) => b[1].size - a[1].size)[0] ?? [];
  if (host === undefined || pods === undefined) return undefined;
  const configMaps = [...new Set(seen.pods.filter((p) => pods.has(p.name)).flatMap((p) => listFrozenConfigSources(p).map((s) => s.configMap)))].slice(0, MAX_CONFIGMAPS);
  return configMaps.length === 0 ? undefined : { host, configMaps };
}

/** A host name's parent domain when it has one worth comparing (at least two labels after the first). */
function parentDomain(host: string): string | undefined {
  const labels = host.toLowerCase().split('.');
  return labels.length >= 3 ? labels.slice(1).join('.') : undefined;
}

/** The first label without a trailing number or version: `catalog-db-1` → `catalog-db`. */
function nameStem(host: string): string {
  return (host.toLowerCase().split('.')[0] ?? '').replace(/[-_]?(v?\d+|blue|green|old|new|primary|replica)$/, '');
}

const HOST_TOKEN = /(?<![\w.-])[a-z][\w-]*(?:\.[\w-]+)+(?![\w-])/gi;

/** Another host name that resembles `host`: same parent domain, or the same name stem of 3+ characters. */
function resembles(candidate: string, host: string): boolean {
  const c = candidate.toLowerCase();
  if (c === host.toLowerCase()) return false;
  const parent = parentDomain(host);
  if (parent !== undefined && parentDomain(c) === parent) return true;
  const stem = nameStem(host);
  return stem.length >= 3 && nameStem(c) === stem;
}

/** Whether a ConfigMap's data names `host`, and the lines that name a host resembling it instead. Comment lines are skipped. */
export function findHostLines(data: Readonly<Record<string, string>>, host: string): { holdsHost: boolean; lines: { key: string; line: string }[] } {
  const needle = host.toLowerCase();
  let holdsHost = false;
  const lines: { key: string; line: string }[] = [];
  for (const [key, value] of Object.entries(data)) {
    for (const raw of value.split('\n')) {
      if (/^\s*[#;]/.test(raw)) continue;
      if (raw.toLowerCase().includes(needle)) holdsHost = true;
      if (lines.length < MAX_LINES && [...raw.matchAll(HOST_TOKEN)].some((m) => resembles(m[0], host))) lines.push({ key, line: (value.includes('\n') ? raw.trim() : `${key}: ${raw.trim()}`).slice(0, MAX_LINE_CHARS) });
    }
  }
  return { holdsHost, lines };
}

/** When the pod's containers last started: what a subPath mount or env was fixed at. */
function containerStart(pod: PodEvidence): IsoTime | undefined {
  const starts = pod.containers.flatMap((c) => (c.state !== undefined && 'running' in c.state && c.state.running.startedAt !== undefined ? [c.state.running.startedAt] : []));
  return starts.sort()[0] ?? pod.startTime ?? pod.createdAt;
}

export interface StaleConfigMount {
  config: StaleConfigEvidence;
  /** How the failing pods read it: `subPath mount at …`, `env DB_HOST`. */
  via: string;
  subPath: boolean;
  /** The new value's line(s) as the ConfigMap holds them. */
  now: string[];
  /** Failing pods started before the edit. */
  stale: string[];
  /** When it was edited, told: `3h ago (kubectl-edit)`, or bounded by a newer pod's start. */
  edited: string;
  /** Ready pods started after the edit: they read the new value and serve. */
  fresh: string[];
}

/**
 * The failing pods read, through subPath or env, a ConfigMap that no longer names the host they
 * fail on and names one like it instead, and they started before its data was last written (or
 * before a ready pod that started later): they run the old value.
 */
export function findStaleConfigMount(configs: readonly StaleConfigEvidence[] | undefined, host: string | undefined, failing: readonly PodEvidence[], all: readonly PodEvidence[], now: IsoTime): StaleConfigMount | undefined {
  if (host === undefined) return undefined;
  for (const config of configs ?? []) {
    if (config.host.toLowerCase() !== host.toLowerCase() || config.holdsHost || config.lines.length === 0) continue;
    const source = failing.flatMap((p) => listFrozenConfigSources(p)).find((s) => s.configMap === config.configMap);
    if (source === undefined) continue;
    const failingNames = new Set(failing.map((p) => p.name));
    const newestFailingStart = failing.map(containerStart).filter((t): t is IsoTime => t !== undefined).sort().at(-1);
    const fresh = all.filter((p) => !failingNames.has(p.name) && p.ready && listFrozenConfigSources(p).some((s) => s.configMap === config.configMap)).filter((p) => {
      const start = containerStart(p);
      return start !== undefined && (config.changedAt !== undefined ? start > config.changedAt : newestFailingStart !== undefined && start > newestFailingStart);
    });
    const editedAt = config.changedAt;
    let edited: string;
    if (editedAt !== undefined) {
      if (newestFailingStart === undefined || newestFailingStart > editedAt || msBetween(editedAt, now) < 0) continue;
      edited = `${formatAgo(editedAt, now)}${config.changedBy ? ` by ${config.changedBy}` : ''}`;
    } else {
      const firstFresh = fresh.map(containerStart).filter((t): t is IsoTime => t !== undefined).sort()[0];
      if (firstFresh === undefined) continue;
      edited = `before ${formatAgo(firstFresh, now)}, when ${fresh[0]?.name ?? 'a newer pod'} started`;
    }
    const stale = failing.filter((p) => { const s = containerStart(p); return s !== undefined && (editedAt === undefined || s < editedAt); }).map((p) => p.name);
    if (stale.length === 0) continue;
    return { config, via: source.via, subPath: source.subPath, now: config.lines.map((l) => l.line), stale, edited, fresh: fresh.map((p) => p.name) };
  }
  return undefined;
}

export interface StaleConfigTold {
  title: string;
  evidence: string[];
  cause: string;
  action: string;
  fix: string;
}

/** The finding's words: the old host still read, the ConfigMap's new value, why the pods never saw it, and the restart. */
export function explainStaleConfigMount(found: StaleConfigMount, workload: { kind: string; name: string }, failure: 'dns-missing' | 'refused' = 'dns-missing'): StaleConfigTold {
  const { config } = found;
  const n = found.stale.length;
  const pods = `${n} pod${n === 1 ? '' : 's'}`;
  const how = found.subPath ? `mount it with subPath (${found.via}), and subPath mounts never receive ConfigMap updates` : `read it through ${found.via}, and env is fixed when a container starts`;
  const reads = found.subPath ? `a subPath mount (${found.via.replace(/^subPath mount at /, '')}, never updated)` : `${found.via} (fixed at container start)`;
  const newValue = found.now[0] ?? '';
  const freshText = found.fresh.length > 0 ? `; ${found.fresh.slice(0, 2).join(', ')}, started after the edit, serve${found.fresh.length === 1 ? 's' : ''}` : '';
  const kind = workload.kind.toLowerCase();
  const restart = `kubectl rollout restart ${kind}/${workload.name}`;
  return {
    title: `${pods} started before ConfigMap ${config.configMap} was edited (${found.edited}) still use the old host ${config.host} via ${reads}; it now says \`${newValue}\`${freshText}`,
    evidence: [
      `ConfigMap ${config.configMap} no longer names ${config.host}; it now holds: ${found.now.map((l) => `\`${l}\``).join(', ')}`,
      `its data was last written ${found.edited}; ${found.stale.join(', ')} started before that`,
      `the pods read it through ${found.via}${found.subPath ? ': a subPath mount is copied at container start and never updated' : ': env from a ConfigMap is resolved at container start only'}`,
      ...(found.fresh.length > 0 ? [`${found.fresh.join(', ')} started after the edit and are ready`] : []),
    ],
    cause: `The pods started before ConfigMap ${config.configMap} was edited still run its old value ${config.host}, which ${failure === 'refused' ? 'now refuses their connections (nothing serves it any more)' : 'no longer resolves'}: they ${how}.`,
    action: `Restart the ${workload.kind} (\`${restart}\`) so every pod reads the new ${config.configMap}; then stop ${found.subPath ? 'mounting it with subPath (mount the whole ConfigMap as a directory)' : 'taking it through env'} or roll a checksum annotation of the ConfigMap on every change`,
    fix: `\`${restart}\`; ${found.subPath ? 'mount the ConfigMap as a directory, not with subPath' : 'read the value from a mounted file'}, or roll a checksum annotation on config changes`,
  };
}
