import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { REFRESH_OFF, REFRESH_ON } from '../left-index-settings.js';
import { listNodesOf } from '../pod-status.js';
import { formatAgo } from '../time-span.js';

/** The index a settings change names: `PUT /items_v3/_settings`, `"index":"items_v3"`, `for indices [items_v3]`. */
const INDEX_NAME = /\/([\w.-]+)\/_settings|"index"\s*:\s*"([\w.-]+)"|indices \[([\w.-]+)\]|--index[= ]([\w.-]+)/i;
/** Replicas turned off by the same load. */
const NO_REPLICAS = /number_of_replicas"?\s*[:=]\s*"?0\b|number_of_replicas to \[0\]/i;
/** The workload's reads that found nothing: zero hits, a miss it logs. */
const MISSES = /"hits"\s*:\s*0\b|\bhits[=:]\s*0\b|no (search )?hits?\b|not found in (the )?(search|index)/i;

/**
 * A search index left with its refresh turned off (refresh_interval -1) by a Job that died before
 * its last step restored it: every write is still acknowledged (201 created, 200 updated) but no new
 * or changed document becomes visible to search, because the segments are never refreshed. The
 * workload's pods are Ready and log no error; its searches just do not find what was written since.
 */
export function analyzeIndexRefreshLeftOff(ev: TriageEvidence): Finding[] {
  const findings: Finding[] = [];
  for (const run of ev.leftSettingJobLogs ?? []) {
    const offAt = run.lines.findIndex((l) => REFRESH_OFF.test(l));
    if (offAt < 0) continue;
    // A later line that sets it again (the restoring step ran): nothing was left off.
    if (run.lines.slice(offAt + 1).some((l) => REFRESH_ON.test(l) && !REFRESH_OFF.test(l))) continue;
    const off = run.lines[offAt] ?? '';
    const m = INDEX_NAME.exec(off);
    const index = m ? m.slice(1).find((g) => g !== undefined) : undefined;
    const replicas = NO_REPLICAS.test(off) || run.lines.slice(offAt).some((l) => NO_REPLICAS.test(l));
    const ended = run.terminated?.reason ? `${run.terminated.reason}${run.terminated.exitCode !== undefined ? `, exit ${run.terminated.exitCode}` : ''}` : undefined;
    const when = run.createdAt ? ` ${formatAgo(run.createdAt, ev.collectedAt)}` : '';
    const died = run.finishedAt ? `failed ${formatAgo(run.finishedAt, ev.collectedAt)}${ended ? ` (${ended})` : ''}` : `failed${ended ? ` (${ended})` : ''}`;
    const misses = ev.logs.flatMap((l) => l.lines.filter((x) => MISSES.test(x)).map((line) => ({ pod: l.pod, line })));
    const what = index ? `Index ${index}` : 'The search index';
    const felt = misses.length > 0 ? ` (${misses.length} searches of the workload found nothing)` : '';
    const restore = `PUT /${index ?? '<index>'}/_settings {"index":{"refresh_interval":null${replicas ? ', "number_of_replicas":<as before>' : ''}}}`;
    findings.push({
      id: `config/index-refresh-left-off-${run.job}`,
      kind: 'dependency-error',
      title: `${what} does not refresh: Job ${run.job}${when} set its refresh_interval to -1${replicas ? ' (and its replicas to 0)' : ''} for a bulk load and ${died} before restoring it, so writes are acknowledged but new and changed documents never become searchable${felt}`,
      datesChange: true,
      outsideWorkload: `the setting lives in the search index, left by Job ${run.job}; a rollout of the workload changes nothing`,
      layer: 'rollout/change',
      severity: 'critical',
      confidence: misses.length > 0 ? 'high' : 'medium',
      evidence: [
        `log of Job ${run.job} (pod ${run.pod}): ${condenseStructuredLine(off)}`,
        `Job ${run.job} ${died}; no later line of its log sets refresh_interval again`,
        ...misses.slice(-2).map((h) => `log ${h.pod}: ${condenseStructuredLine(h.line.trim())}`),
      ],
      decisive: off.length > 300 ? off.slice(0, 300) : off,
      likelyCause: `A bulk load turns refresh off (refresh_interval -1) so the index does not build segments for every batch, and turns it back on as its last step. Job ${run.job} stopped before that step, so the index keeps refresh disabled: writes are accepted and durable, but a document becomes visible to search only at a refresh, which never comes.${replicas ? ' It also left the index with 0 replicas: one lost node loses shards.' : ''}`,
      nextAction: `Turn refresh back on now: ${restore} (null restores the default, 1s), then POST /${index ?? '<index>'}/_refresh; the documents written since become searchable at once. Then fix and re-run Job ${run.job}, with its restore step in a finally/cleanup.`,
      fix: `set refresh_interval on ${index ?? 'the index'} back (it is -1), then re-run ${run.job} with its restore step guaranteed`,
      onset: run.createdAt ?? run.finishedAt ?? ev.collectedAt,
      confirmCommands: [formatKubectl(ev.target, `logs job/${run.job} --tail=200`)],
      affected: { pods: ev.pods.map((p) => p.name), nodes: listNodesOf(ev.pods) },
    });
  }
  return findings;
}
