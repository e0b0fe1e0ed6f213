// Where the workload's logs say a table is missing (PostgreSQL 42P01 `relation "…" does not exist`,
// MySQL 1146 `Table '…' doesn't exist`) and its container does not set schema generation itself, a
// get of the ConfigMaps the logging container mounts, then of those it takes variables from (at most
// two: pickSchemaGenerationReads). Only the schema-generation lines are kept (ddl-auto,
// hbm2ddl.auto, JPA's schema-generation action) with the time and manager of the newest write of the
// data; the rest is dropped at once. Never a Secret; nothing at all while no table is missing.
import type { LogEvidence, PodEvidence } from '../../domain/triage/evidence.js';
import type { SchemaGenerationEvidence } from '../../domain/triage/evidence-schema-generation.js';
import { keepSchemaGeneration, pickSchemaGenerationReads } from '../../domain/triage/schema-generation.js';
import type { CollectContext } from './collect-context.js';
import { getConfigMaps } from './get-config-maps.js';
import { newestDataWrite } from './read-reload-config.js';

export async function readSchemaGeneration(ctx: CollectContext, seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[] }): Promise<SchemaGenerationEvidence[]> {
  const wanted = pickSchemaGenerationReads(seen);
  if (wanted.length === 0) return [];
  const got = await getConfigMaps(ctx, wanted, 'ConfigMaps of pods whose queries find a table missing, for their schema generation (ddl-auto)', (w) => w.configMap);
  return got.flatMap(({ item, value }) => {
    const write = newestDataWrite(value.metadata);
    return keepSchemaGeneration(item, value.data ?? {}).map((s) => ({ ...s, ...(write?.at ? { changedAt: write.at } : {}), ...(write?.manager ? { changedBy: write.manager } : {}) }));
  });
}
