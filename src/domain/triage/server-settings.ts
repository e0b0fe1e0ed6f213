/**
 * Settings a server was started with, read from its pod spec (command, args, literal env values):
 * `redis-server --maxmemory 2gb --maxmemory-policy noeviction`, `postgres -c autovacuum=off`. A server that refuses work at a
 * limit it was configured with is fixed by changing that value, so the value is worth stating.
 * Settings kept in a mounted config file are not read here.
 */
import type { ContainerSpecEvidence, PodEvidence } from './evidence.js';

/** A setting the server runs with and where it is set: "ConfigMap invoice-pg-config (postgresql.conf)", "the command line of invoice-pg-0". */
export interface SettingAt {
  setting: string;
  value: string;
  where: string;
}

export interface ServerSettings {
  container: string;
  /** "--maxmemory 2gb", in the order asked for. */
  flags: { name: string; value: string }[];
  /** The container's memory limit, when it has one. */
  memoryLimit?: string;
}

/** The words of a container's command line and of its literal env values, split on spaces. */
function wordsOf(c: ContainerSpecEvidence): string[] {
  const env = (c.env ?? []).flatMap((e) => ('value' in e ? [e.value] : []));
  return [...(c.command ?? []), ...(c.args ?? []), ...env].flatMap((w) => w.split(/\s+/)).filter((w) => w !== '');
}

/** `--name value` or `--name=value` for each of `names`; the first container that sets any of them. */
export function findServerSettings(pod: PodEvidence, names: readonly string[]): ServerSettings | undefined {
  for (const c of pod.containers) {
    const words = wordsOf(c);
    const flags = names.flatMap((name) => {
      for (let i = 0; i < words.length; i++) {
        const w = words[i] ?? '';
        if (w.startsWith(`--${name}=`)) return [{ name, value: w.slice(name.length + 3) }];
        // postgres -c name=value
        if (w === '-c' && words[i + 1]?.startsWith(`${name}=`)) return [{ name, value: (words[i + 1] ?? '').slice(name.length + 1) }];
        const next = words[i + 1];
        if (w === `--${name}` && next !== undefined && !next.startsWith('--')) return [{ name, value: next }];
      }
      return [];
    });
    if (flags.length === 0) continue;
    const limit = c.resources?.limits?.['memory'];
    return { container: c.name, flags, ...(limit === undefined ? {} : { memoryLimit: limit }) };
  }
  return undefined;
}

/** "--maxmemory 2gb --maxmemory-policy noeviction". */
export function formatSettings(s: ServerSettings, separator = ' '): string {
  return s.flags.map((f) => `--${f.name} ${f.value}`).join(separator);
}
