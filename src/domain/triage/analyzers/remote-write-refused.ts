import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf } from '../pod-status.js';
import { findRemoteWriteRefusals } from '../remote-write-refusal.js';

/**
 * A metrics store refuses the pods' remote_write at one of the tenant's limits (series per user or
 * per metric, out-of-order or too-old samples): the sender drops those samples as non-recoverable,
 * so dashboards and alerts fed from the store show gaps while the pods stay healthy. The limit is
 * the store's; what crossed it is what the sender scrapes, so the config file it mounts (its scrape
 * jobs, read when the sign is there) is held by the finding: its edit before the refusals is the since.
 */
export function analyzeRemoteWriteRefused(ev: TriageEvidence): Finding[] {
  const refused = findRemoteWriteRefusals(ev.logs, ev.pods);
  if (refused === undefined) return [];
  const pods = ev.pods.filter((p) => refused.pods.includes(p.name));
  const jobs = (ev.settingConfig ?? []).filter((c) => c.mechanism === 'scrape-jobs');
  const mounted = [...new Set(pods.flatMap((p) => (p.volumes ?? []).flatMap((v) => (v.source === 'configMap' && v.ref !== undefined && p.containers.some((c) => c.name === refused.container && (c.volumeMounts ?? []).some((m) => m.name === v.name)) ? [v.ref] : []))))];
  const store = refused.url ? ` (${refused.url})` : '';
  const listed = jobs.map((j) => `ConfigMap ${j.configMap} (${j.key}) lists ${j.written}`);
  const unready = pods.filter((p) => !p.ready).length;
  // A job added to a config is most often appended: the last one listed is the first to check, not a claim that it is new.
  const lastJob = jobs[0]?.written.split(', ').at(-1)?.replace(/^scrape jobs: /, '');
  const last = jobs[0] && lastJob ? { configMap: jobs[0].configMap, job: lastJob } : undefined;
  return [{
    id: 'remote-write-refused',
    kind: 'dependency-error',
    title: `The metrics store refuses remote_write${store}: ${refused.limit} — ${refused.sends} sends dropped as non-recoverable in the logs of ${refused.pods.length} pod${refused.pods.length === 1 ? '' : 's'}${unready === 0 ? ' (all ready)' : ''}`,
    ...(refused.since !== undefined ? { onset: refused.since } : {}),
    layer: 'network/routing',
    severity: 'warning',
    confidence: 'high',
    evidence: [
      `log ${refused.pods[0] ?? ''}: ${condenseStructuredLine(refused.line)}`,
      ...listed,
    ],
    decisive: condenseStructuredLine(refused.line),
    likelyCause: `The store (Mimir, Cortex or Thanos receive) answers the remote-write batches with a 4xx at a limit of the tenant: ${refused.limit}. The sender treats a 4xx as non-recoverable and drops those samples rather than retry, so the data in the store has gaps (dashboards and alerts fed from it) while these pods stay healthy and scrape on. The limit is the store's; what crossed it is what these pods began to send — most often a scrape job or label their config gained${last ? ` (the job ${last.configMap} lists last is ${last.job}: check it first)` : ''}.`,
    nextAction: `${refused.fix.charAt(0).toUpperCase()}${refused.fix.slice(1)}. Then watch the refused sends stop. The bot will not change anything.`,
    fix: refused.fix,
    confirmCommands: [
      formatKubectl(ev.target, `logs ${refused.pods[0] ?? ''} -c ${refused.container} --tail=100`),
      ...mounted.slice(0, 1).map((m) => formatKubectl(ev.target, `get configmap ${m} -o yaml`)),
    ],
    // The config file it scrapes by: an edit of it just before the refusals is the since.
    affected: { pods: refused.pods, nodes: listNodesOf(pods), ...(mounted.length > 0 ? { configMaps: mounted.slice(0, 2) } : {}) },
  }];
}
