// A server that says its own state in its readiness probe (a sealed Vault's `vault status`), as the
// adapter reads it: the Service VAULT_ADDR names (another namespace), its pods, and one field-selected
// list of Unhealthy events per member that runs but is not ready — none for a Redis cluster, none
// while every member is ready.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, NOW, container, deploymentApp, exposed, nameOf, probeFailed, statefulSetApp, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness({ cluster: { now: () => NOW } });
const NS = 'payments';
const VAULT = 'vault';
const SEALED = 'Key                Value\n---                -----\nSeal Type          shamir\nInitialized        true\nSealed             true\nTotal Shares       5\nThreshold          3\nUnseal Progress    0/3\n';
const LOG = 'WARNING Vault login failed (attempt 1/2): Vault is sealed, on post http://vault.vault.svc.cluster.local:8200/v1/auth/kubernetes/login\nhvac.exceptions.VaultDown: Vault is sealed, on post http://vault.vault.svc.cluster.local:8200/v1/auth/kubernetes/login\n';
const target = { service: 'refunds', namespace: NS, kind: 'Deployment' as const, name: 'refunds' };

function cluster(log: string, o: { ready?: boolean } = {}) {
  const vault = statefulSetApp({
    namespace: VAULT, name: 'vault', replicas: 1,
    revisions: [{ revision: 4, createdAgo: 60 * DAYS, template: { containers: [container({ name: 'vault', image: 'docker.io/hashicorp/vault:1.17.6', ports: [8200] })] } }],
    pods: [{ revision: 4, ordinal: 0, node: NODE_B, createdAgo: 51, ...(o.ready ? {} : { ready: false }) }],
  });
  const app = deploymentApp({
    namespace: NS, name: 'refunds', replicas: 2,
    revisions: [{ revision: 3, createdAgo: 6 * DAYS, template: { containers: [container({ image: 'registry.example.com/payments/refunds:3.4.1', env: [{ name: 'VAULT_ADDR', value: 'http://vault.vault.svc.cluster.local:8200' }] })] } }],
    pods: [{ revision: 3, node: NODE_A, createdAgo: 6 * DAYS }, { revision: 3, node: NODE_B, createdAgo: 6 * DAYS }],
  });
  const [member] = vault.pods;
  const objects = [
    ...threeNodes(), ...app.objects, ...vault.objects,
    ...exposed({ namespace: VAULT, name: 'vault', selector: { app: 'vault' }, pods: vault.pods, ports: [{ name: 'http', port: 8200, targetPort: 8200 }], endpointPort: 8200 }),
    ...(member && !o.ready ? [probeFailed(member, 'vault', 'Readiness', SEALED, { count: 600, firstAgo: 50.6, lastAgo: 0.1 })] : []),
  ];
  for (const x of objects) h.fake.add(x);
  for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: log });
}

/** Unhealthy-event lists of the Vault namespace. */
const probeReads = () => h.fake.requests.filter((r) => r.path === `/api/v1/namespaces/${VAULT}/events` && /reason=Unhealthy/.test(String(r.query?.['fieldSelector'] ?? '')));

describe('the probes of the members of a sealed Vault', () => {
  it('reads the Unhealthy events of the member that runs but is not ready, in its own namespace', async () => {
    cluster(LOG);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    const [m] = ev.dependencyMembers ?? [];
    expect(m?.namespace).toBe(VAULT);
    expect(m?.pods.map((p) => p.name)).toEqual(['vault-0']);
    expect(m?.probeEvents?.map((e) => e.message)).toEqual([`Readiness probe failed: ${SEALED}`]);
    expect(m?.probeEvents?.[0]?.object.name).toBe('vault-0');
    expect(probeReads()).toHaveLength(1);
  });

  it('reads no probe while every member is ready', async () => {
    cluster(LOG, { ready: true });
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.dependencyMembers?.[0]?.probeEvents).toBeUndefined();
    expect(probeReads()).toEqual([]);
  });

  it('reads nothing of Vault while the logs say no such thing', async () => {
    cluster('INFO refund RF-1 settled\n');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.dependencyMembers).toBeUndefined();
    expect(h.fake.requests.filter((r) => r.path.startsWith(`/api/v1/namespaces/${VAULT}/`))).toEqual([]);
  });
});
