// The ConfigMap mounted by an nginx whose start fails at "could not build server_names_hash"
// (server-names-hash.ts): one get. Only the longest server_name and the
// server_names_hash_bucket_size the file sets are kept; the rest of the data is dropped at once.
// Never a Secret; nothing at all when no log carries that refusal.
import type { LogEvidence, PodEvidence, RevisionEvidence } from '../../domain/triage/evidence.js';
import type { ServerNamesEvidence } from '../../domain/triage/evidence-server-names.js';
import { pickServerNamesReads, readServerNames as readNames } from '../../domain/triage/server-names-hash.js';
import type { CollectContext } from './collect-context.js';
import { getConfigMaps } from './get-config-maps.js';

export async function readServerNames(ctx: CollectContext, seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; revisions: readonly RevisionEvidence[] }): Promise<ServerNamesEvidence[]> {
  const wanted = pickServerNamesReads(seen);
  if (wanted.length === 0) return [];
  const got = await getConfigMaps(ctx, wanted, 'ConfigMap mounted by an nginx that cannot build its server_names_hash', (w) => w.configMap);
  return got.flatMap(({ item, value }) =>
    Object.entries(value.data ?? {}).flatMap(([key, text]) => {
      const names = readNames(text);
      return names === undefined ? [] : [{ configMap: item.configMap, key, ...names }];
    }),
  );
}
