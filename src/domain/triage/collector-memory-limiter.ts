/**
 * An OpenTelemetry Collector whose memory_limiter processor refuses data: once its memory stays
 * above the soft limit (limit_mib minus spike_limit_mib) after a forced GC, it refuses everything
 * its receivers get ("Memory usage is above soft limit. Refusing data."), and the senders (node
 * agents, SDKs) see "data refused due to high memory usage" and drop it. The collector logs this at
 * WARN and its pods stay Running and Ready: only the log says telemetry is being lost. What fills
 * its memory is load — more data, or data with more distinct attribute values (a new
 * high-cardinality attribute that a spanmetrics connector turns into series it keeps). A soft-limit
 * GC it recovers from ("Forcing a GC", "back within limits") is the limiter working, not a failure.
 * Pure: the collector's own log lines.
 */
import type { ClientDiagnosis } from './client-diagnosis-reading.js';

const REFUSING = /\bMemory usage is above (soft|hard) limit\. Refusing data\b/i;
const CURRENT_MIB = /"cur_mem_mib":\s*(\d+)/;
const PIPELINE = /"otelcol\.pipeline\.id":\s*"([^"]+)"/;
/** A pipeline fed by a connector that turns span attributes into metric series (spanmetrics, servicegraph). */
const SERIES_PIPELINE = /spanmetrics|servicegraph/i;
/** The metrics backend refusing the series it gets for their count (Mimir/Cortex/Prometheus limits). */
const SERIES_LIMIT = /\b(?:per-(?:metric|user) )?series limit(?: of \d+)? exceeded\b|\bmax[-_](?:global[-_])?series[-_]per[-_](?:metric|user)\b/i;

/** Whether a line is the memory_limiter refusing data: lost telemetry, whatever level logs it. */
export function isMemoryLimiterRefusal(line: string): boolean {
  return REFUSING.test(line);
}

export function explainMemoryLimiterRefusal(errors: readonly string[], lines: readonly string[]): ClientDiagnosis | undefined {
  const refusals = errors.filter(isMemoryLimiterRefusal);
  if (refusals.length === 0) return undefined;
  const level = REFUSING.exec(refusals[refusals.length - 1] ?? '')?.[1]?.toLowerCase() ?? 'soft';
  const mib = Math.max(...refusals.map((l) => Number(CURRENT_MIB.exec(l)?.[1] ?? 0)));
  const pipelines = [...new Set(refusals.flatMap((l) => PIPELINE.exec(l)?.[1] ?? []))];
  const seriesPipeline = pipelines.find((p) => SERIES_PIPELINE.test(p));
  const seriesLimit = lines.map((l) => SERIES_LIMIT.exec(l)?.[0]).find((x) => x !== undefined);
  const inPipelines = pipelines.length > 0 ? ` in pipeline${pipelines.length === 1 ? '' : 's'} ${pipelines.join(', ')}` : '';
  const cardinality = seriesPipeline !== undefined || seriesLimit !== undefined;
  return {
    summary: `the collector's memory_limiter refuses data: memory above its ${level} limit${mib > 0 ? ` (${mib} MiB)` : ''}${inPipelines}, so senders' telemetry is refused and dropped${seriesLimit ? `; the backend also rejects its series ("${seriesLimit}")` : ''}`,
    likelyCause:
      `The collector's memory stays above the memory_limiter's ${level} limit after forced GCs, so it refuses everything its receivers get; senders log "data refused due to high memory usage" and drop what they cannot retry. Its pods stay Ready and do not restart. ` +
      (cardinality
        ? `It refuses in ${seriesPipeline ?? 'its metrics pipeline'}${seriesLimit ? ' and the backend rejects the series count' : ''}: the series it keeps grew — a new high-cardinality attribute (a raw path, an id) that a sender started to set, turned into series by spanmetrics dimensions, is the usual cause; the rollout of the sender that began it is the trigger.`
        : 'More data than it was sized for fills it: a new or louder sender, or bigger batches.'),
    nextAction: cardinality
      ? 'Find the sender that started the new attribute values (its rollout just before the memory climbed) and drop or normalise the attribute (or cap the spanmetrics dimensions); give the collector more memory or replicas only once its series stop growing.'
      : 'Find what sends more data since the memory climbed and shed or sample it; then give the collector more memory (limit_mib with the container limit) or replicas.',
    refusesSenders: true,
    fix: cardinality ? 'drop or normalise the high-cardinality attribute at its sender (or cap the spanmetrics dimensions), then size the collector' : 'reduce or sample the data sent, or give the collector more memory or replicas',
  };
}
