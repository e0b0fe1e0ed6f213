/**
 * A Vault client that logs in once, at start, and then only renews its token: renewal extends the
 * token up to its max TTL (the role's token_max_ttl, else the mount's or Vault's, 768h by default)
 * and no further, so that long after start every read and renewal is refused with 403 "permission
 * denied" — on every pod that started together, at once, with nothing changed in the cluster. The
 * pods' age matching the configured max TTL when the 403s began is what tells it from a policy
 * change; a restart logs in again (a mitigation), re-authenticating when renewal stops is the fix.
 */
import type { ContainerSpecEvidence, IsoTime, LogEvidence, PodEvidence } from './evidence.js';
import type { SettingConfigEvidence } from './evidence-setting-config.js';
import { readLogLineTime } from './log-line-time.js';
import { earliest } from './time-span.js';
import { parseGoDuration } from './analyzers/slow-image-pull.js';

/** A line about Vault: its name, its Python client, or its API paths. */
const VAULT_LINE = /\bvault\b|\bhvac\b|\/v1\/(?:auth|sys|kv|secret)\//i;
/** Vault's refusal: HTTP 403 "permission denied" (hvac's Forbidden). */
const DENIED = /\b403\b|permission denied|\bForbidden\b/i;

/** Lines before it counts: one refused read is a typo'd path, a run of them on every pod is not. */
export const MIN_LINES = 3;

/** Names of settings that hold a Vault token's max TTL, or the role the pods log in with. */
export const MAX_TTL_SETTING = /max_?ttl/i;
export const ROLE_SETTING = /vault\w*role|^role$/i;

export interface VaultDenials {
  lines: number;
  pods: string[];
  container: string;
  line: string;
  /** The earliest refusal's own time, when a line carries one. */
  since?: IsoTime;
  /** Each refused pod's earliest refusal, when its lines carry a time. */
  sinceByPod: Map<string, IsoTime | undefined>;
}

/** The head of Vault's API error, whose URL, code and errors follow on lines of their own. */
const API_ERROR_HEAD = /Error making API request\.["']?\s*$/;
/** The lines of that block: blank, `URL: PUT …`, `Code: 403. Errors:`, `* permission denied`. */
const API_ERROR_BODY = /^\s*$|^\s*(?:URL|Code): |^\s*\* /;
/** Lines a block runs to at most. */
const MAX_BLOCK_LINES = 8;

/**
 * Vault's client prints an API error over several lines (`Error making API request.`, then `URL:`,
 * `Code: 403. Errors:` and `* permission denied`, as Vault Agent's log shows them): each joined back
 * into one line, so the refusal, its URL and its code are read together.
 */
export function joinVaultErrorBlocks(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] ?? '';
    if (API_ERROR_HEAD.test(line)) {
      for (let k = 0; k < MAX_BLOCK_LINES && i + 1 < lines.length && API_ERROR_BODY.test(lines[i + 1] ?? ''); k++, i++) {
        const next = (lines[i + 1] ?? '').trim();
        if (next !== '') line = `${line} ${next}`;
      }
    }
    out.push(line);
  }
  return out;
}

/** Vault's 403s in the current logs of the workload's own pods, when they keep coming. */
export function findVaultDenials(logs: readonly LogEvidence[], pods: readonly PodEvidence[], now: IsoTime): VaultDenials | undefined {
  const own = new Set(pods.map((p) => p.name));
  const hits = logs.filter((l) => !l.previous && own.has(l.pod)).flatMap((l) => joinVaultErrorBlocks(l.lines).filter((line) => VAULT_LINE.test(line) && DENIED.test(line)).map((line) => ({ pod: l.pod, container: l.container, line: line.trim() })));
  if (hits.length < MIN_LINES) return undefined;
  const timed = hits.map((h) => ({ pod: h.pod, at: readLogLineTime(h.line, now) }));
  const refused = [...new Set(hits.map((h) => h.pod))];
  const sinceByPod = new Map(refused.map((p) => [p, earliest(timed.filter((t) => t.pod === p).map((t) => t.at))]));
  const since = earliest(timed.map((t) => t.at));
  return { lines: hits.length, pods: refused, container: hits[0]?.container ?? '', line: hits[hits.length - 1]?.line ?? '', ...(since !== undefined ? { since } : {}), sinceByPod };
}

/** A TTL as Vault takes it: whole seconds, `768h`, `32d`, `768h0m0s`. */
export function parseVaultTtlMs(value: string): number | undefined {
  const v = value.trim().replace(/^["']|["']$/g, '');
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const days = /^(\d+)d$/.exec(v);
  return days !== null ? Number(days[1]) * 86_400_000 : parseGoDuration(v);
}

export interface MaxTtl {
  /** As written: `token_max_ttl: 768h`. */
  written: string;
  ms: number;
  /** `ConfigMap vault-auth-roles, key billing-invoice-renderer.yaml`, `env`. */
  source: string;
}

/** `token_max_ttl: 768h`, `VAULT_TOKEN_MAX_TTL=86400`, `max_ttl = "32d"`. */
const WRITTEN_TTL = /(\w*max_?ttl)["']?\s*[:=]\s*["']?([\w.]+)/i;

/** The max TTL the pods' Vault tokens have: a setting read from a ConfigMap (the pods' own or their role's), else their env. */
export function findMaxTtl(container: Pick<ContainerSpecEvidence, 'env'> | undefined, config: readonly SettingConfigEvidence[]): MaxTtl | undefined {
  for (const c of config.filter((x) => x.mechanism === 'vault-token')) {
    const m = WRITTEN_TTL.exec(c.written);
    const ms = m === null ? undefined : parseVaultTtlMs(m[2] ?? '');
    if (ms !== undefined) return { written: c.written, ms, source: `ConfigMap ${c.configMap}${c.via === 'envFrom' ? '' : `, key ${c.key}`}` };
  }
  for (const e of container?.env ?? []) {
    const ms = 'value' in e && MAX_TTL_SETTING.test(e.name) ? parseVaultTtlMs(e.value) : undefined;
    if (ms !== undefined && 'value' in e) return { written: `${e.name}=${e.value}`, ms, source: 'env' };
  }
  return undefined;
}

/** Vault's warning that it capped a token's TTL: `TTL of "768h0m0s" exceeded the effective max_ttl of "4h0m0s"; TTL value is capped accordingly`. */
const CAPPED = /exceeded the effective max_ttl of \\?"([\w.]+)\\?"/;

/** The max TTL Vault said it capped a token at, in a container's current log. */
export function findCappedMaxTtl(logs: readonly LogEvidence[], pod: string, container: string): MaxTtl | undefined {
  const log = logs.find((l) => !l.previous && l.pod === pod && l.container === container);
  for (const line of log?.lines ?? []) {
    const value = CAPPED.exec(line)?.[1];
    const ms = value === undefined ? undefined : parseVaultTtlMs(value);
    if (value !== undefined && ms !== undefined) return { written: `effective max_ttl "${value}"`, ms, source: `Vault's warning in container ${container}'s log` };
  }
  return undefined;
}

/** The Vault role the pods log in with, from their env or a ConfigMap key they read. */
export function findVaultRole(container: Pick<ContainerSpecEvidence, 'env'> | undefined, config: readonly SettingConfigEvidence[]): string | undefined {
  const literal = (container?.env ?? []).find((e) => 'value' in e && ROLE_SETTING.test(e.name));
  if (literal !== undefined && 'value' in literal && literal.value.trim() !== '') return literal.value.trim();
  const read = config.find((c) => c.mechanism === 'vault-token' && ROLE_SETTING.test(c.key));
  const value = read?.written.split(/=(.*)/s)[1]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** When a container's current run began: its token was issued at the login that followed. */
export function findLoginTime(pod: PodEvidence, container: string): IsoTime | undefined {
  const c = pod.containers.find((x) => x.name === container);
  const running = c?.state !== undefined && 'running' in c.state ? c.state.running.startedAt : undefined;
  return running ?? pod.startTime ?? pod.createdAt;
}
