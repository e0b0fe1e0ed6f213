/**
 * A client timeout whose error states its own limit ("timeout of 20ms exceeded", "Read timed out
 * after 15 ms", "timed out after 0.02s"): when that limit is below any plausible round trip, the
 * calls fail at the client's own limit — a value set in the wrong unit or far too small — not
 * because the dependency is slow or unreachable. The timeout setting the pods read that equals it
 * (a ConfigMap key, a literal env) is named with its value. A plausible limit, even one a setting
 * states, is the client's ordinary timeout: the slowness behind it is another reading's.
 * Pure: reads the lines, the container's env and the settings already read (setting-config.ts).
 */
import type { LogEvidence, PodEvidence } from './evidence.js';
import type { ContainerEvidence } from './evidence-pod.js';
import type { NamespaceObjectEvidence } from './evidence-context.js';
import type { SettingConfigEvidence } from './evidence-setting-config.js';
import { findClientSetting } from './client-size-setting.js';
import { parseTimeoutValue } from './timeout-cut.js';
import { parseDependencyError } from './dependency-error-line.js';

/** A limit below this (ms) is no round trip any call completes in: the limit itself is the fault. */
export const IMPLAUSIBLE_LIMIT_MS = 50;

/** A setting that bounds how long a call may take, by its name. */
export const TIMEOUT_SETTING_KEY = /TIMEOUT|DEADLINE/i;

/** "timeout of 20ms exceeded", "timed out after 15 ms", "timeout after 0.02s", "deadline of 30ms". */
const STATED_LIMIT = /(?:timeout of|timed out after|timeout after|deadline of|timeout exceeded after)\s*(\d+(?:\.\d+)?)\s*(ms|milliseconds?|s|secs?|seconds?)\b/i;

/** The limit a timeout line states, in ms, with its words. */
export function readStatedLimit(line: string): { ms: number; written: string } | undefined {
  const m = STATED_LIMIT.exec(line);
  if (m === null) return undefined;
  const ms = Number(m[1]) * (/^m/i.test(m[2] ?? '') ? 1 : 1000);
  return { ms, written: `${m[1] ?? ''} ${/^m/i.test(m[2] ?? '') ? 'ms' : 's'}` };
}

/** The first current-log timeout line that states a limit below any round trip: what makes the pods' timeout settings worth a read. */
export function findStatedTimeout(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): { pod: string; container: string } | undefined {
  const names = new Set(pods.map((p) => p.name));
  for (const l of logs) {
    if (l.previous || !names.has(l.pod)) continue;
    if (l.lines.some((line) => parseDependencyError(line)?.problem === 'timeout' && (readStatedLimit(line)?.ms ?? Infinity) < IMPLAUSIBLE_LIMIT_MS)) return { pod: l.pod, container: l.container };
  }
  return undefined;
}

export interface OwnClientTimeout {
  /** The limit as the lines state it: `20 ms`. */
  stated: string;
  statedMs: number;
  /** The setting that holds it, when the pods read one: `TIMEOUT_MS=5`. */
  setting?: { written: string; where: string; configMap?: string };
}

/**
 * The client's own limit behind timeout lines, when it is the fault: stated below IMPLAUSIBLE_LIMIT_MS;
 * with the timeout setting the container reads that equals it (its value in the unit its name says),
 * else the timeout key it takes, by name only.
 */
export function findOwnClientTimeout(lines: readonly string[], container: Pick<ContainerEvidence, 'env' | 'envFrom'> | undefined, settings: readonly SettingConfigEvidence[], objects: readonly NamespaceObjectEvidence[]): OwnClientTimeout | undefined {
  const stated = lines.map(readStatedLimit).find((s) => s !== undefined);
  if (stated === undefined || stated.ms >= IMPLAUSIBLE_LIMIT_MS) return undefined;
  const fromConfig = settings.filter((s) => s.mechanism === 'client-timeout').flatMap((s) => {
    const [name, value] = splitWritten(s.written);
    return parseTimeoutValue(name, value) === stated.ms ? [{ written: s.written, where: `ConfigMap ${s.configMap}`, configMap: s.configMap }] : [];
  });
  const literal = (container?.env ?? []).flatMap((e) => ('value' in e && TIMEOUT_SETTING_KEY.test(e.name) && parseTimeoutValue(e.name, e.value) === stated.ms ? [{ written: `${e.name}=${e.value}`, where: 'the pod template' }] : []));
  const matched = fromConfig[0] ?? literal[0];
  if (matched !== undefined) return { stated: stated.written, statedMs: stated.ms, setting: matched };
  // No value read equals it: the timeout key the container takes, by name only.
  const named = findClientSetting(container, objects, TIMEOUT_SETTING_KEY);
  return { stated: stated.written, statedMs: stated.ms, ...(named ? { setting: { written: named.value !== undefined ? `${named.variable}=${named.value}` : named.variable, where: named.where, ...(named.configMap ? { configMap: named.configMap } : {}) } } : {}) };
}

function splitWritten(written: string): [string, string] {
  const i = written.indexOf('=');
  return i < 0 ? [written, ''] : [written.slice(0, i), written.slice(i + 1)];
}

/** The finding's words for calls that fail at the client's own limit. */
export function explainOwnClientTimeout(t: OwnClientTimeout, dependency: string | undefined): { title: string; evidence: string[]; cause: string; action: string; fix: string } {
  const to = dependency ?? 'a dependency';
  const set = t.setting;
  const holds = set === undefined ? 'the client\'s timeout setting' : `${set.written} (${set.where})`;
  return {
    title: `Calls to ${to} time out at the client's own limit: ${holds} makes every call give up after ${t.stated}, below any round trip`,
    evidence: [`the timeout lines state the client's own limit, ${t.stated}${set?.written.includes('=') ? `; the pods read ${set.written} (${set.where})` : set ? `; the pods take ${set.written} from ${set.where}` : ''}`],
    cause: `The client gives up each call after ${t.stated} — the limit its error states${set ? `, set by ${holds}` : ''}. No call completes that fast, so every call fails whatever the dependency does: a value written in the wrong unit (seconds read as milliseconds) or far too small. The dependency is not shown slow or unreachable.`,
    action: `Set ${set ? set.written.split('=')[0] : 'the client timeout'}${set?.configMap ? ` in ConfigMap ${set.configMap}` : ''} back to the intended limit in the unit its name says (restore its previous value) and restart the pods; the dependency is not the lead.`,
    fix: `set ${set ? set.written.split('=')[0] : 'the client timeout'}${set?.configMap ? ` in ConfigMap ${set.configMap}` : ''} to the intended limit, in the unit its name says`,
  };
}
