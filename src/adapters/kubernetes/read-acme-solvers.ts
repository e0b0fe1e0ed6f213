// cert-manager's HTTP-01 solvers, only when a Service of the namespace routes to them (label
// acme.cert-manager.io/http01-solver=true): one list of those pods (at most 5). A solver lives for
// the minutes a challenge takes; when one has stayed an hour or more, one list of the namespace's
// pods (at most 200) and the current log tail of at most two pods of other workloads (one per
// workload), keeping only their lines that say a certificate has expired: what the stuck renewal
// costs the clients (acme-challenge.ts). No Secret is read (the certificate's own is not needed).
import type * as k8s from '@kubernetes/client-node';
import { SOLVER_LABEL, isExpiredCertLine, needsAcmeSolvers } from '../../domain/triage/acme-challenge.js';
import type { AcmeSolverPodEvidence, AcmeSolversEvidence } from '../../domain/triage/evidence-acme-solvers.js';
import type { ServiceEvidence } from '../../domain/triage/evidence.js';
import type { CollectContext } from './collect-context.js';
import { ownerWorkloadOf } from './own-pods.js';
import { pageParams } from './paginate.js';
import { readLogs } from './read-pod-details.js';

const MAX_SOLVERS = 5;
const MAX_LISTED = 200;
const MAX_CLIENT_LOGS = 2;
/** Lines kept per log: the newest say it still fails. */
const MAX_LINES = 3;
const STUCK_MS = 60 * 60_000;

function solverOf(pod: k8s.V1Pod): AcmeSolverPodEvidence {
  const c = pod.spec?.containers?.[0];
  const domain = (c?.args ?? []).map((a) => /^--domain=(.+)$/.exec(a)?.[1]).find((d) => d !== undefined);
  const port = c?.ports?.[0]?.containerPort;
  const challenge = pod.metadata?.ownerReferences?.find((o) => o.kind === 'Challenge')?.name;
  const created = pod.metadata?.creationTimestamp;
  return {
    name: pod.metadata?.name ?? '',
    ...(created === undefined ? {} : { createdAt: new Date(created).toISOString() }),
    labels: pod.metadata?.labels ?? {},
    ...(port === undefined ? {} : { port }),
    ...(domain === undefined ? {} : { domain }),
    ...(challenge === undefined ? {} : { challenge }),
  };
}

const isReady = (p: k8s.V1Pod): boolean => p.status?.phase === 'Running' && (p.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

export async function readAcmeSolvers(ctx: CollectContext, services: readonly ServiceEvidence[], own: ReadonlySet<string>): Promise<AcmeSolversEvidence | undefined> {
  if (!needsAcmeSolvers(services)) return undefined;
  const list = await ctx.reads.list('HTTP-01 solver pods of the namespace', 'acmeSolvers', (cont, limit, o) =>
    ctx.clients.core.listNamespacedPod({ namespace: ctx.namespace, labelSelector: `${SOLVER_LABEL}=true`, ...pageParams(cont, limit) }, o),
    { maxItems: MAX_SOLVERS },
  );
  const pods = list.items.map(solverOf);
  const now = ctx.now().getTime();
  if (!pods.some((p) => p.createdAt !== undefined && now - Date.parse(p.createdAt) >= STUCK_MS)) return { pods, expiredLines: [] };
  const all = await ctx.reads.list('pods of the namespace (clients of a stuck certificate)', 'acmeSolvers', (cont, limit, o) =>
    ctx.clients.core.listNamespacedPod({ namespace: ctx.namespace, ...pageParams(cont, limit) }, o),
    { maxItems: MAX_LISTED },
  );
  const solvers = new Set(pods.map((p) => p.name));
  const seen = new Set<string>();
  const picked: { pod: string; container: string }[] = [];
  for (const p of all.items) {
    const name = p.metadata?.name ?? '';
    const owner = ownerWorkloadOf(p);
    const key = owner === undefined ? name : `${owner.kind}/${owner.name}`;
    const container = p.spec?.containers?.[0]?.name;
    if (own.has(name) || solvers.has(name) || seen.has(key) || container === undefined || !isReady(p)) continue;
    seen.add(key);
    picked.push({ pod: name, container });
    if (picked.length >= MAX_CLIENT_LOGS) break;
  }
  const logs = await readLogs(ctx, picked.map((t) => ({ ...t, previous: false, why: 'system' as const, restarts: 0 })));
  const expiredLines = logs.flatMap((l) => l.lines.filter(isExpiredCertLine).slice(-MAX_LINES).map((line) => ({ pod: l.pod, line })));
  return { pods, expiredLines };
}
