/**
 * A variable the app cannot resolve at start (Spring's "Could not resolve placeholder 'X'", Python's
 * KeyError 'X', "X is not set") while a ConfigMap the container takes whole through envFrom has no
 * key X but one a letter or two away: the key was renamed by an edit of the ConfigMap. Pods
 * started before the edit keep the old variable; every pod started since lacks it. A rollback
 * reads the same ConfigMap, so only restoring the key name (or making the app read the new one)
 * fixes it. The ConfigMap's key names decide it (values are never read); a Secret's are not read.
 */
import type { ContainerSpecEvidence, IsoTime, NamespaceObjectEvidence } from './evidence.js';
import { editDistance } from './near-names.js';
import { formatAgo } from './time-span.js';
import type { ToldReading } from './told-reading.js';

export interface RenamedEnvKey {
  /** The name the app asks for. */
  variable: string;
  /** The key the ConfigMap holds instead. */
  key: string;
  configMap: string;
  prefix?: string;
  changedAt?: IsoTime;
  line: string;
}

const ENV_NAME = '([A-Za-z_][A-Za-z0-9_.-]*[A-Za-z0-9])';
/** Ways a runtime or a config loader says a variable it needs is not there; group 1 is its name. */
const UNRESOLVED: readonly RegExp[] = [
  new RegExp(`Could not resolve placeholder '${ENV_NAME}'`),
  new RegExp(`KeyError: ['"]${ENV_NAME}['"]`),
  new RegExp(`(?:environment variable|env var(?:iable)?)s? ['"\`]?${ENV_NAME}['"\`]?(?: is)? (?:not set|not defined|missing|required|undefined|empty)`, 'i'),
  new RegExp(`(?:missing|undefined|unset) (?:required )?(?:environment variable|env var(?:iable)?)s?:? ['"\`]?${ENV_NAME}`, 'i'),
  new RegExp(`required key ${ENV_NAME} missing value`),
];

/** A property name (`app.gateway-url`) reaches a Spring app from the environment by relaxed binding: upper case, `.` and `-` as `_`. */
function toEnvName(name: string): string {
  return /^[A-Z0-9_]+$/.test(name) ? name : name.toUpperCase().replace(/[.-]/g, '_');
}

/** The names the lines say the app could not resolve, newest line first. */
export function listUnresolvedNames(lines: readonly string[]): { name: string; line: string }[] {
  const out: { name: string; line: string }[] = [];
  for (const line of [...lines].reverse()) {
    for (const re of UNRESOLVED) {
      const m = re.exec(line);
      const name = m?.[1];
      if (name !== undefined && !out.some((o) => o.name === toEnvName(name))) out.push({ name: toEnvName(name), line: line.trim() });
    }
  }
  return out;
}

/** Typos a rename makes: one letter in a short name, two in a longer one. */
function isNearKey(wanted: string, key: string): boolean {
  if (wanted === key) return false;
  const d = editDistance(wanted, key);
  return d <= (wanted.length <= 8 ? 1 : 2);
}

/** The envFrom ConfigMap key the unresolved variable was renamed to; undefined when none looks like one. */
export function findRenamedEnvKey(container: ContainerSpecEvidence, objects: readonly NamespaceObjectEvidence[], lines: readonly string[]): RenamedEnvKey | undefined {
  const given = new Set((container.env ?? []).map((e) => e.name));
  const sources = (container.envFrom ?? []).flatMap((f) => {
    const cm = f.kind === 'configMap' ? objects.find((o) => o.kind === 'ConfigMap' && o.name === f.name && o.keys !== undefined) : undefined;
    return cm ? [{ from: f, cm, seen: (cm.keys ?? []).map((k) => `${f.prefix ?? ''}${k}`) }] : [];
  });
  for (const { name, line } of listUnresolvedNames(lines)) {
    // The variable reaches the container after all: it is unresolved for another reason.
    if (given.has(name) || sources.some((s) => s.seen.includes(name))) continue;
    for (const s of sources) {
      const i = s.seen.findIndex((k) => isNearKey(name, k) && !given.has(k));
      const key = s.cm.keys?.[i];
      if (i < 0 || key === undefined) continue;
      return { variable: name, key: s.seen[i] ?? key, configMap: s.cm.name, ...(s.from.prefix ? { prefix: s.from.prefix } : {}), ...(s.cm.changedAt ? { changedAt: s.cm.changedAt } : {}), line };
    }
  }
  return undefined;
}

/** How the reading is told: the key was renamed in the ConfigMap, restoring its name is the fix, a rollback is not. */
export function tellRenamedEnvKey(r: RenamedEnvKey, container: string, now: IsoTime): ToldReading & { evidence: string[] } {
  const edited = r.changedAt !== undefined ? ` (edited ${formatAgo(r.changedAt, now)})` : '';
  const restore = `rename key ${r.key} back to ${r.variable} in ConfigMap ${r.configMap} (or make the app read ${r.key})`;
  return {
    title: `: ConfigMap ${r.configMap} has key ${r.key}, not ${r.variable} — the key was renamed`,
    cause: `Container ${container} takes ConfigMap ${r.configMap} whole through envFrom${r.prefix ? ` (prefix ${r.prefix})` : ''} and the app resolves ${r.variable} from the environment at start. The ConfigMap no longer has key ${r.variable}; it has ${r.key}, a near-identical name: the key was renamed${edited}. Every container started since gets ${r.key} and no ${r.variable}, so the app cannot start; pods started before the edit keep the old variable and still work. Any revision reads the same ConfigMap, so a rollback would not help, and restarting the working pods would take the variable from them too.`,
    action: `${restore.charAt(0).toUpperCase()}${restore.slice(1)}, then restart the failing pods. Do not restart the pods that still work until then, and do not roll back: every revision reads the same ConfigMap.`,
    fix: restore,
    evidence: [`the app cannot resolve ${r.variable}; ConfigMap ${r.configMap}, which container ${container} takes through envFrom, has key ${r.key} and no key ${r.variable}`],
  };
}
