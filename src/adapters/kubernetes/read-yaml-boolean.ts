// The ConfigMaps the crashing pods mount, read only when their log says a setting came out as a
// boolean where a value was expected (yaml-boolean.ts): a get of each, at most two. Only the lines
// under that setting holding a bare YAML 1.1 boolean word (NO, yes, off…) are kept; the rest of the
// data is dropped at once. Never a Secret.
import type { LogEvidence, PodEvidence } from '../../domain/triage/evidence.js';
import type { YamlBooleanEvidence } from '../../domain/triage/evidence-yaml-boolean.js';
import { findYamlBooleanLines, pickYamlBooleanRead } from '../../domain/triage/yaml-boolean.js';
import type { CollectContext } from './collect-context.js';
import { getConfigMaps } from './get-config-maps.js';

export async function readYamlBooleans(ctx: CollectContext, seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[] }): Promise<YamlBooleanEvidence[]> {
  const wanted = pickYamlBooleanRead(seen);
  if (wanted === undefined) return [];
  const got = await getConfigMaps(ctx, wanted.configMaps, 'ConfigMaps mounted by pods whose log reads a setting as a boolean', (name) => name);
  return got.flatMap(({ item, value }) =>
    Object.entries(value.data ?? {}).flatMap(([key, text]) => {
      const lines = findYamlBooleanLines(text, wanted.setting, wanted.value);
      return lines.length === 0 ? [] : [{ configMap: item, key, setting: wanted.setting, value: wanted.value, lines }];
    }),
  );
}
