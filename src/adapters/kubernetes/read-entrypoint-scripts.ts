// The shell script a crashing container runs from a ConfigMap it mounts (its command names a file
// under that mount, exit code 1–128), and the one the revision before mounted there: a get of each,
// at most two (entrypoint-errexit.ts). Only the errexit line, the print lines and the unguarded lines
// that may fail are kept, with their numbers; the rest of the data is dropped at once. Never a Secret.
import type { PodEvidence, RevisionEvidence } from '../../domain/triage/evidence.js';
import type { EntrypointScriptEvidence } from '../../domain/triage/evidence-entrypoint-script.js';
import { pickEntrypointScripts, readScript } from '../../domain/triage/entrypoint-errexit.js';
import type { CollectContext } from './collect-context.js';
import { getConfigMaps } from './get-config-maps.js';

export async function readEntrypointScripts(ctx: CollectContext, seen: { pods: readonly PodEvidence[]; revisions: readonly RevisionEvidence[] }): Promise<EntrypointScriptEvidence[]> {
  const wanted = pickEntrypointScripts(seen.pods, seen.revisions);
  if (wanted.length === 0) return [];
  const got = await getConfigMaps(ctx, wanted, 'ConfigMaps holding the script a crashing container runs', (w) => w.configMap);
  return got.flatMap(({ item, value }) => {
    const text = value.data?.[item.key];
    return text === undefined ? [] : [{ configMap: item.configMap, key: item.key, mountedNow: item.mountedNow, ...readScript(text) }];
  });
}
