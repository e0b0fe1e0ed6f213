/**
 * Settings a server reads from a config file that a ConfigMap mounts into its pod (my.cnf,
 * postgresql.conf, redis.conf): `name = value`, `name=value` or `name value`; or an XML element
 * on one line (ClickHouse's `<max_memory_usage>2000000000</max_memory_usage>`). A server that
 * refuses work at a configured limit is fixed by changing that value where it is kept, so the
 * value and the ConfigMap that holds it are worth stating. Only the settings asked for are kept.
 */
import type { PodEvidence } from './evidence.js';

/** One setting found in one key of a ConfigMap. */
export interface ConfigFileSetting {
  /** The ConfigMap key (file name) that sets it: "my.cnf". */
  key: string;
  setting: string;
  value: string;
}

/** MySQL spells options with dashes or underscores alike. */
function sameName(a: string, b: string): boolean {
  return a.replace(/-/g, '_').toLowerCase() === b.replace(/-/g, '_').toLowerCase();
}

/** An XML config's element on one line (ClickHouse's users.xml and config.xml): `<max_memory_usage>2000000000</max_memory_usage>`. */
const XML_ELEMENT = /^<([A-Za-z][\w.-]*)>([^<]*\S[^<]*)<\/\1>$/;

/** The last uncommented assignment of each name in each key (a later line overrides an earlier one). */
export function findConfigFileSettings(data: Readonly<Record<string, string>>, names: readonly string[]): ConfigFileSetting[] {
  return Object.entries(data).flatMap(([key, text]) => names.flatMap((setting) => {
    let value: string | undefined;
    for (const raw of text.split('\n')) {
      const line = raw.replace(/\s[#;].*$/, '').trim();
      const m = /^([A-Za-z][\w.-]*)\s*(?:=|:|\s)\s*(\S.*)$/.exec(line) ?? XML_ELEMENT.exec(line);
      if (m?.[1] !== undefined && m[2] !== undefined && sameName(m[1], setting)) value = m[2].trim().replace(/^(["'])(.*)\1$/, '$2');
    }
    return value === undefined ? [] : [{ key, setting, value }];
  }));
}

/** ConfigMaps a server pod mounts as volumes, at most `max`: where its config file can be. Never its Secrets. */
export function listMountedConfigMaps(pod: PodEvidence, max = 2): string[] {
  return [...new Set((pod.volumes ?? []).flatMap((v) => (v.source === 'configMap' && v.ref !== undefined ? [v.ref] : [])))].slice(0, max);
}
