// Where the workload's logs show statements cancelled at the client's own limit again and again
// ("canceling statement due to statement timeout"): a get of the ConfigMaps the logging container
// takes its variables from (envFrom, configMapKeyRef; at most two: pickTimeoutConfigReads), since
// the limit is often set there (PGOPTIONS, a connection URL's options). Only the statement-timeout
// setting as written is kept; the rest of the data is dropped at once. Never a Secret; nothing at
// all while the logs cancel no statements.
import type { LogEvidence, PodEvidence } from '../../domain/triage/evidence.js';
import type { TimeoutConfigEvidence } from '../../domain/triage/evidence-timeout-config.js';
import { findTimeoutSettings, pickTimeoutConfigReads } from '../../domain/triage/statement-timeout.js';
import type { CollectContext } from './collect-context.js';
import { getConfigMaps } from './get-config-maps.js';

export async function readTimeoutConfig(ctx: CollectContext, seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[] }): Promise<TimeoutConfigEvidence[]> {
  const wanted = pickTimeoutConfigReads(seen);
  if (wanted.length === 0) return [];
  const got = await getConfigMaps(ctx, wanted, 'ConfigMaps the pods take variables from, where their statements are cancelled at a statement timeout', (w) => w.configMap);
  return got.flatMap(({ item, value }) =>
    Object.entries(value.data ?? {})
      .filter(([key]) => item.key === undefined || key === item.key)
      .flatMap(([key, text]) => findTimeoutSettings(text).slice(0, 1).map((s) => ({ configMap: item.configMap, key, via: item.via, written: s.written }))),
  );
}
