/**
 * A new Elasticsearch cluster that never bootstraps because its bootstrap list
 * (cluster.initial_master_nodes) names nodes that do not exist: values copied from a release of
 * another name, a renamed StatefulSet. The nodes find each other but wait for the listed ones, so
 * no master is elected and every pod stays Running but unready ("master not discovered yet … must
 * discover master-eligible nodes [..] to bootstrap a cluster"). Told by comparing the names that
 * line lists with the pods (their hostnames are the node names) and the peers it says it found.
 */
import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { joinAnd } from '../../text.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { unique } from '../pod-status.js';

const MUST_DISCOVER = /master not discovered yet[^\n]*?must discover master-eligible nodes \[([^\]]*)\] to bootstrap a cluster/i;
/** The env form of the setting, as the official image reads it. */
const SETTING_ENV = /^cluster\.initial_master_nodes$/i;

export function analyzeBootstrapMasterList(ev: TriageEvidence): Finding[] {
  const podNames = new Set(ev.pods.map((p) => p.name));
  const hits = ev.logs.flatMap((l) => l.lines.flatMap((line) => {
    const m = MUST_DISCOVER.exec(line);
    return m ? [{ pod: l.pod, container: l.container, line: line.trim(), listed: (m[1] ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '') }] : [];
  }));
  const [first] = hits;
  if (first === undefined || first.listed.length === 0) return [];
  const listed = first.listed;
  const missing = listed.filter((n) => !podNames.has(n));
  // Only when too few of the listed nodes exist for a majority of the list: else it is waiting on a peer, not a wrong list.
  if (listed.length - missing.length > listed.length / 2) return [];
  const pods = unique(hits.map((h) => h.pod));
  const actual = [...podNames].sort();
  const w = ev.workload;
  const env = w?.templateContainers.flatMap((c) => c.env ?? []).find((e) => SETTING_ENV.test(e.name));
  const mounted = ev.pods[0]?.volumes?.filter((v) => v.source === 'configMap' && v.ref !== undefined).map((v) => v.ref ?? '') ?? [];
  const where = env ? `env ${env.name} of the pod template` : mounted.length > 0 ? `the elasticsearch.yml the pods mount (ConfigMap ${joinAnd(unique(mounted))}), or the template's env` : 'elasticsearch.yml or the template\'s env';
  const matchLine = (s: string) => condenseStructuredLine(s).slice(0, 240);
  const title =
    `Cluster never bootstraps: cluster.initial_master_nodes lists ${joinAnd(listed)}, ${missing.length === listed.length ? 'none of which exists' : `of which ${joinAnd(missing)} do not exist`} — ` +
    `the pods are ${joinAnd(actual)}, so no master is elected and ${pods.length}/${ev.pods.length} pods stay unready ("master not discovered yet")`;
  return [{
    id: `bootstrap-master-list/${w?.name ?? ev.target.name}`,
    kind: 'cluster-state',
    title,
    layer: 'rollout/change',
    severity: 'critical',
    confidence: missing.length === listed.length ? 'high' : 'medium',
    evidence: [
      `log ${first.pod}: ${matchLine(first.line)}`,
      `bootstrap list: ${listed.join(', ')}; pods: ${actual.join(', ')}`,
      `set in ${where}`,
    ],
    decisive: matchLine(first.line),
    likelyCause:
      'A cluster that has never formed elects its first master only among the nodes cluster.initial_master_nodes names, by node name (the pod\'s hostname). ' +
      `Here the list names nodes that do not exist (${joinAnd(missing)}) — typically values copied from a release or StatefulSet of another name — so the nodes that exist find each other and wait forever.`,
    nextAction:
      `Set cluster.initial_master_nodes in ${where} to the real pod names (${actual.join(',')}) and restart the pods. Only on a cluster that has never bootstrapped (fresh data volumes); ` +
      'once it has formed, remove the setting rather than point it at another set of nodes.',
    fix: `set cluster.initial_master_nodes to ${actual.join(',')} (fresh cluster only) and restart the pods`,
    confirmCommands: [
      formatKubectl(ev.target, `logs ${first.pod} -c ${first.container} --tail=50`),
      formatKubectl(ev.target, `get ${formatWorkloadRef(ev.target)} -o yaml`),
    ],
    affected: { pods },
  }];
}
