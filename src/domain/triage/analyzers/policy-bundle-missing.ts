/**
 * The pods' OPA sidecar never loaded its policy bundle, so every decision is undefined and the app
 * denies every request (403) while all containers are Ready. The cause is where the bundle comes
 * from (the address in OPA's config no longer resolves, the server refuses), not the app's code: a
 * rollout only started fresh sidecars (old ones kept the policy in memory), and a rollback would
 * start the same empty ones. A senior SRE names the failed download, its address and the ConfigMap
 * that holds it, and fixes the address.
 */
import type { TriageEvidence } from '../evidence.js';
import { findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { countPolicyDenials, findBundleLoadFailures } from '../policy-bundle-load.js';
import { listNodesOf, unique } from '../pod-status.js';
import { truncate } from '../../text.js';

export function analyzePolicyBundleMissing(ev: TriageEvidence): Finding[] {
  const failures = findBundleLoadFailures(ev.pods, ev.logs);
  const pods = unique(failures.map((f) => f.pod));
  const { denied, allowed } = countPolicyDenials(ev.logs, pods);
  // No policy since the sidecar started, or the app already shows the refusals; a sidecar whose app
  // still answers most requests is carrying a policy it loaded before the tail.
  const shown = failures.filter((f) => f.sinceStart || denied > 0);
  const first = shown[0];
  if (first === undefined || allowed > denied) return [];
  const podObjects = unique(shown.map((f) => f.pod)).flatMap((p) => findPod(ev, p) ?? []);
  const where = first.host ?? first.url ?? 'its bundle server';
  const why = first.reason ?? 'the download fails';
  const configMap = first.configMaps[0];
  const source = configMap !== undefined ? `; the bundle service URL is in ConfigMap ${configMap}` : '';
  const refusals = denied > 0 ? `the app denies every request (${denied} refused with 403 / default deny in the logs of ${podObjects.length} pod${podObjects.length === 1 ? '' : 's'}, ${allowed} allowed)` : 'every decision is undefined, which the app treats as deny';
  const fix = `point the OPA bundle service at an address that resolves and serves the bundle${configMap !== undefined ? ` in ConfigMap ${configMap}` : ''}, then restart the pods so the sidecars load it`;
  return [{
    id: `dependency-error/policy-bundle/${first.container}`,
    kind: 'dependency-error',
    title: `OPA sidecar ${first.container} has no policy: its bundle download fails (${why} for ${where}${source}), so every decision is undefined and ${denied > 0 ? `the app default-denies every request with 403` : 'the app denies every request'}`,
    layer: 'network/routing',
    severity: 'critical',
    confidence: denied > 0 ? 'high' : 'medium',
    evidence: [
      `OPA sidecar ${first.container} in ${shown.length} pod${shown.length === 1 ? '' : 's'} logs ${first.failures} failed bundle loads and no bundle activated${first.sinceStart ? ' since it started' : ''}`,
      ...(first.url !== undefined ? [`bundle URL: ${first.url}${configMap !== undefined ? ` (from ConfigMap ${configMap})` : ''}`] : []),
      refusals,
      `log ${first.pod}/${first.container}: ${truncate(first.message, 300)}`,
    ],
    decisive: truncate(first.message, 300),
    likelyCause:
      `OPA loads its policy from the bundle service named in its config; until a bundle activates it has no rules, every query is undefined and the app's authorization fails closed. ` +
      `Here the download fails with "${why}" for ${where}: the address no longer serves the bundle (the server moved or is down). Sidecars that had loaded the policy keep it in memory, so only newly started pods lose it — a rollout only shows it, and a rollback would start the same empty sidecars.`,
    nextAction: `Fix the bundle address: ${fix}.`,
    fix,
    outsideWorkload: 'any new pod, of any revision, starts an OPA sidecar that cannot download its policy bundle',
    confirmCommands: [
      formatKubectl(ev.target, `logs ${first.pod} -c ${first.container} --tail=50`),
      ...(configMap !== undefined ? [formatKubectl(ev.target, `get configmap ${configMap} -o yaml`)] : []),
    ],
    affected: { pods: podObjects.map((p) => p.name), nodes: listNodesOf(podObjects) },
  }];
}
