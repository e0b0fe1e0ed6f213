import { capitalize } from '../../text.js';
import { findInClusterService } from '../down-service.js';
import { pickEnvDependency, splitWords } from '../env-dependency.js';
import type { IsoTime, LogEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import { condenseStructuredLine, findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, severityForPods, unique } from '../pod-status.js';
import { sortRevisions } from '../revision-diff.js';
import { earliest, formatAgo } from '../time-span.js';
import { isErrorLine } from '../unexplained.js';

type Mesh = 'Istio' | 'Linkerd';

/**
 * How a mesh proxy in front of a dependency answers a caller its authorization policy does not
 * allow. The decision is by the caller's identity (its service account, carried by mTLS), not by
 * load or chance: every such call is refused, so even a few lines mean nothing gets through.
 */
const DENIALS: { mesh: Mesh; pattern: RegExp }[] = [
  // Envoy's RBAC filter, which Istio's AuthorizationPolicy configures: HTTP 403 with this body, or
  // gRPC PERMISSION_DENIED with it; its access log flags rbac_access_denied_matched_policy[…].
  { mesh: 'Istio', pattern: /RBAC: access denied|rbac_access_denied/i },
  // linkerd-proxy refusing by its AuthorizationPolicy / ServerAuthorization (l5d-proxy-error header).
  { mesh: 'Linkerd', pattern: /unauthori[sz]ed (?:request on route|connection on server)/i },
];

const POLICY: Record<Mesh, { name: string; confirm: string }> = {
  Istio: { name: 'Istio AuthorizationPolicy', confirm: 'get authorizationpolicy -o yaml' },
  Linkerd: { name: 'Linkerd AuthorizationPolicy (policy.linkerd.io, on its Server)', confirm: 'get authorizationpolicies.policy.linkerd.io,servers.policy.linkerd.io -o yaml' },
};

/** The identity a policy matches on: Istio's principal (default trust domain), Linkerd's mesh TLS name. */
function principalOf(mesh: Mesh, namespace: string, sa: string): string {
  return mesh === 'Istio' ? `cluster.local/ns/${namespace}/sa/${sa}` : `${sa}.${namespace}.serviceaccount.identity.linkerd.cluster.local`;
}

const SIDECAR: Record<Mesh, RegExp> = { Istio: /^istio-proxy$|istio\/proxyv2/, Linkerd: /^linkerd-proxy$|linkerd\/proxy/ };

function hasSidecar(p: PodEvidence, mesh: Mesh): boolean {
  return [...p.containers, ...p.initContainers].some((c) => SIDECAR[mesh].test(c.name) || SIDECAR[mesh].test(c.image));
}

/** The line's own time (ISO 8601, as most runtimes print it); UTC when it gives no zone. */
function readLineTime(line: string): IsoTime | undefined {
  const m = /\b(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:?\d{2})?/.exec(line);
  if (!m) return undefined;
  const t = Date.parse(`${m[1] ?? ''}T${m[2] ?? ''}${m[3] ?? 'Z'}`);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** A call that went through: a success word or a 2xx, and no error or 4xx/5xx. */
const PASSED = /\b(ok|succe\w*|created|2\d\d)\b/i;
const FAILED = /\b[45]\d\d\b/;

interface Hit {
  log: LogEvidence;
  index: number;
  line: string;
}

/**
 * Calls to a dependency refused by the authorization policy of its mesh proxy: the caller's pods
 * are Ready and say little, but every call from this identity gets 403 "RBAC: access denied".
 * The policy lives with the callee; what it matches is the caller's service account.
 */
export function analyzeMeshAuthorizationDenials(ev: TriageEvidence): Finding[] {
  return DENIALS.flatMap(({ mesh, pattern }) => {
    const hits: Hit[] = ev.logs.flatMap((log) => log.lines.flatMap((line, index) => (pattern.test(line) ? [{ log, index, line: line.trim() }] : [])));
    // One refused call may be a probe of a path nobody uses; two make a pattern.
    if (hits.length < 2) return [];
    return [describeDenial(ev, mesh, pattern, hits)];
  });
}

function describeDenial(ev: TriageEvidence, mesh: Mesh, pattern: RegExp, hits: Hit[]): Finding {
  const pods = unique(hits.map((h) => h.log.pod));
  const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
  const first = hits[0] as Hit;
  const caller = podObjects[0];
  const container = caller?.containers.find((c) => c.name === first.log.container);
  const dep = pickEnvDependency(container, hits.map((h) => h.line));
  const callee = dep ? findInClusterService(dep.host, ev.target.namespace) : undefined;
  const calleeName = callee ? `${callee.name}${callee.namespace !== ev.target.namespace ? ` (namespace ${callee.namespace})` : ''}` : dep?.host ?? 'a dependency';

  // Did any call to it pass after the first refusal? Lines about the callee that say it went through.
  const calleeWords = dep ? splitWords(`${dep.env} ${dep.host.split('.').slice(0, 2).join(' ')}`) : new Set<string>();
  const firstIn = new Map<LogEvidence, number>();
  for (const h of hits) if (!firstIn.has(h.log)) firstIn.set(h.log, h.index);
  let passed = 0;
  for (const [log, from] of firstIn) {
    for (const line of log.lines.slice(from + 1)) {
      const about = [...splitWords(line)].some((w) => calleeWords.has(w));
      if (about && !pattern.test(line) && PASSED.test(line) && !FAILED.test(line) && !isErrorLine(line)) passed++;
    }
  }
  const since = earliest([...firstIn.entries()].map(([log, i]) => readLineTime(log.lines[i] ?? '')));
  const share = passed === 0 ? `every call${since ? ` since ${formatAgo(since, ev.collectedAt)}` : ''}` : `${hits.length} of ${hits.length + passed} calls${since ? ` since ${formatAgo(since, ev.collectedAt)}` : ''}`;

  const sa = caller?.serviceAccountName ?? 'default';
  const meshed = caller !== undefined && hasSidecar(caller, mesh);
  const principal = principalOf(mesh, ev.target.namespace, sa);
  const policy = POLICY[mesh];
  const identity = meshed
    ? `this caller's identity, service account ${sa} (principal ${principal})`
    : `this caller, whose pods run no ${mesh} sidecar and so present no mTLS identity at all (service account ${sa})`;
  // A revision that moved the pods to another service account changed who they are to the policy.
  const [newest, previous] = sortRevisions(ev.revisions);
  const [was, now] = [previous?.template, newest?.template];
  const saChanged = newest && was && now && was.serviceAccountName !== now.serviceAccountName ? `serviceAccountName changed in revision ${newest.revision} (${formatAgo(newest.createdAt, ev.collectedAt)}): ${was.serviceAccountName ?? 'default'} → ${now.serviceAccountName ?? 'default'}` : undefined;
  const unready = podObjects.filter((p) => !p.ready).length;
  const decisive = condenseStructuredLine(hits[hits.length - 1]?.line ?? first.line);
  // The proxy's own words, with the status the client saw.
  const said = pattern.exec(decisive)?.[0] ?? '';
  const status = /\b403\b|Forbidden/i.test(decisive) ? 'HTTP 403 ' : /PERMISSION_DENIED/.test(decisive) ? 'PERMISSION_DENIED ' : '';
  const where = callee ? formatKubectl({ ...ev.target, namespace: callee.namespace }, policy.confirm) : formatKubectl(ev.target, policy.confirm.replace(' -o yaml', ' -A'), 'cluster');
  const fix = meshed
    ? `add principal ${principal} to the ${policy.name} that guards ${callee?.name ?? 'the dependency'}${callee ? ` in ${callee.namespace}` : ''}, or run ${ev.target.name} as a service account that policy allows`
    : `inject the ${mesh} sidecar into ${ev.target.name} (its namespace or pod label) so it calls with an identity, or allow it in ${callee?.name ?? 'the dependency'}'s ${policy.name}`;
  return {
    id: `dependency-error/mesh-authz/${callee ? `${callee.namespace}/${callee.name}` : dep?.host ?? 'unknown'}`,
    kind: 'dependency-error',
    title:
      `${calleeName} refuses ${share}: ${status}"${said}" from its ${mesh} sidecar — ${/^[AEIOU]/.test(policy.name) ? 'an' : 'a'} ${policy.name} there denies ${identity}` +
      `; ${hits.length} refused calls in the logs of ${pods.length} ${unready === 0 ? 'ready ' : ''}pod${pods.length === 1 ? '' : 's'}`,
    layer: 'network/routing',
    severity: unready > 0 ? severityForPods(ev, unready) : 'warning',
    confidence: dep !== undefined && dep.by !== 'only' ? 'high' : 'medium',
    evidence: [
      `${hits.length} refused calls in ${pods.length} pod${pods.length === 1 ? '' : 's'}, ${passed} passed after the first refusal`,
      ...hits.slice(-2).map((h) => `log ${h.log.pod}: ${condenseStructuredLine(h.line)}`),
      ...(dep ? [`${dep.env} points at ${dep.host}${dep.by === 'words' ? ' (the failing client is named after it)' : ''}`] : []),
      `the pods run as service account ${sa}${meshed ? `, with the ${mesh} sidecar: their identity is ${principal}` : `, without a ${mesh} sidecar`}`,
      ...(saChanged ? [saChanged] : []),
    ],
    decisive,
    ...(since ? { onset: since } : {}),
    likelyCause:
      `The ${mesh} proxy in front of ${callee?.name ?? 'the dependency'} enforces a ${policy.name} and this caller matches none of its ALLOW rules (or matches a DENY rule): it answers ${status}"${said}" itself, before the request reaches the application, which is why both sides stay Ready. ` +
      `The policy decides by the caller's identity — its service account, carried by mTLS — so the usual story is a policy applied or tightened on the callee's side that names another principal (a misspelt service account, another namespace), or a caller moved to another service account. ` +
      `Nothing in these pods is broken and restarting them will not help.`,
    nextAction: `${capitalize(fix)}. Check which rules the policy has with \`${where}\`.`,
    fix,
    ...(saChanged ? {} : { outsideWorkload: `the ${policy.name} that guards ${callee?.name ?? 'the dependency'} decides who may call it, and these pods kept their service account` }),
    confirmCommands: [where, formatKubectl(ev.target, `logs ${first.log.pod} -c ${first.log.container} --tail=100`)],
    affected: { pods, nodes: listNodesOf(podObjects) },
  };
}
