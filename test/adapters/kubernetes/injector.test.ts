// Pods that asked the Vault agent injector for its containers and were admitted without them: the
// adapter lists the injector's pods where its chart puts them (namespace vault) and reads one log
// tail. Nothing of it is read while every pod got its injection.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, container, crashLoop, deploymentApp, nameOf, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'billing';
const target = { service: 'billing-api', namespace: NS, kind: 'Deployment' as const, name: 'billing-api' };
const PEM = 'Error: failed to load TLS keypair: tls: failed to find any PEM data in certificate input';

function cluster(injected: boolean) {
  const app = deploymentApp({
    namespace: NS,
    name: 'billing-api',
    replicas: 1,
    revisions: [{ revision: 3, createdAgo: 6 * DAYS, template: { containers: [container({ image: 'registry.example.com/billing/billing-api:4.8.2' })], annotations: { 'vault.hashicorp.com/agent-inject': 'true', ...(injected ? { 'vault.hashicorp.com/agent-inject-status': 'injected' } : {}) } } }],
    pods: [{ revision: 3, node: NODE_A, createdAgo: 30, containers: { app: crashLoop({ exitCode: 1, finishedAgo: 2, ranSeconds: 0.2 }, 8) } }],
  });
  const injector = deploymentApp({
    namespace: 'vault',
    name: 'vault-agent-injector',
    replicas: 1,
    selector: { 'app.kubernetes.io/name': 'vault-agent-injector' },
    revisions: [{ revision: 9, createdAgo: 40 * DAYS, template: { containers: [container({ name: 'sidecar-injector', image: 'hashicorp/vault-k8s:1.4.2' })] } }],
    pods: [{ revision: 9, node: NODE_B, createdAgo: 12 * DAYS, containers: { 'sidecar-injector': crashLoop({ exitCode: 1, finishedAgo: 1, ranSeconds: 0.1 }, 13) } }],
  });
  for (const o of [...threeNodes(), ...app.objects, ...injector.objects]) h.fake.add(o);
  for (const p of app.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: 'cannot load configuration: open /vault/secrets/config.env: no such file or directory\n' });
  for (const p of injector.pods) h.fake.setLogs('vault', nameOf(p), 'sidecar-injector', { current: `${PEM}\n` });
}

const injectorReads = () => h.fake.requests.filter((r) => r.path.startsWith('/api/v1/namespaces/vault/'));

describe('the injector of a webhook injection the failing pods missed', () => {
  it('lists the injector\'s pods in its namespace and reads one log tail, which says why it is down', async () => {
    cluster(false);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.pods[0]?.missedInjection?.injector).toBe('the Vault agent injector');
    expect(ev.injector?.name).toBe('vault-agent-injector');
    expect(ev.injector?.pods).toHaveLength(1);
    expect(ev.injector?.logs.flatMap((l) => l.lines).join('\n')).toContain('failed to find any PEM data');
    expect(injectorReads().filter((r) => r.path.endsWith('/log'))).toHaveLength(1);
  });

  it('reads nothing of it while the pods got their injection', async () => {
    cluster(true);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.injector).toBeUndefined();
    expect(injectorReads()).toEqual([]);
  });
});
