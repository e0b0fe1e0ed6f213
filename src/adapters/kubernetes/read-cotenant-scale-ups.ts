// Where the workload's logs show a connection cap every client shares refusing it (PgBouncer's
// max_client_conn, a database's max_connections) and name the host: the namespace's Deployments
// (one list, at most 200, shared: list-namespace-deployments.ts); for at most two others whose
// literal env names that host and whose spec.replicas was written in the last hours (managedFields),
// the events of that Deployment (one field-selected query each). Only the env var's name is kept;
// never a Secret, nothing while the logs show no such refusal.
import type * as k8s from '@kubernetes/client-node';
import type { CotenantScaleUpEvidence } from '../../domain/triage/evidence-cotenant-scale-ups.js';
import type { LogEvidence, TriageTarget } from '../../domain/triage/evidence.js';
import { findRefusingHosts, matchesHost } from '../../domain/triage/cotenant-scale-up.js';
import type { CollectContext } from './collect-context.js';
import { listNamespaceDeployments } from './list-namespace-deployments.js';
import { listSpecFieldOwners } from './map-field-owners.js';
import { readEvents } from './read-events.js';

const MAX_COTENANTS = 2;
/** A replicas write older than this is no suspect for a refusal the log tails show now. */
const RECENT_MS = 3 * 60 * 60_000;

function sharedEnv(d: k8s.V1Deployment, hosts: readonly string[]): { env: string; host: string } | undefined {
  for (const c of d.spec?.template.spec?.containers ?? []) {
    for (const e of c.env ?? []) {
      const host = e.value === undefined ? undefined : matchesHost(e.value, hosts);
      if (host !== undefined) return { env: e.name, host };
    }
  }
  return undefined;
}

export async function readCotenantScaleUps(ctx: CollectContext, target: TriageTarget, logs: readonly LogEvidence[]): Promise<CotenantScaleUpEvidence[]> {
  const hosts = findRefusingHosts(logs);
  if (hosts.length === 0) return [];
  const list = await listNamespaceDeployments(ctx, `the workload is refused by a connection cap of ${hosts[0] ?? ''}: which other client of it scaled up?`, 'dependencyPods');
  const now = ctx.now().getTime();
  const picked = list.items.flatMap((d) => {
    const name = d.metadata?.name ?? '';
    if (d.metadata === undefined || (target.kind === 'Deployment' && name === target.name)) return [];
    const owners = listSpecFieldOwners(d.metadata, 'f:replicas');
    const recent = owners.some((o) => o.at !== undefined && now - Date.parse(o.at) <= RECENT_MS);
    const tie = recent ? sharedEnv(d, hosts) : undefined;
    return tie === undefined ? [] : [{ d, name, owners, tie }];
  }).slice(0, MAX_COTENANTS);
  return Promise.all(picked.map(async ({ d, name, owners, tie }) => ({
    deployment: name,
    replicas: d.spec?.replicas ?? 1,
    replicasOwners: owners,
    sharedHost: tie.host,
    sharedEnv: tie.env,
    events: (await readEvents(ctx, [{ kind: 'Deployment', name }], `events of Deployment ${name} (another client of ${tie.host}, its replicas changed recently)`)).filter((e) => e.reason === 'ScalingReplicaSet'),
  })));
}
