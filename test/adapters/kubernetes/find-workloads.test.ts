// findWorkloads through the real client: which Deployment or StatefulSet `/triage NAME` means.
import { afterEach, describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { RootcauseError } from '../../../src/errors.js';
import { container, deployment } from './builders.js';
import { startHarness } from './harness.js';
import type { Harness } from './harness.js';
import { addLedgerDb, addPaymentService } from './scenarios.js';
import { container as kitContainer, cronJob, job } from '../../triage-corpus/kit/index.js';

let h: Harness;

afterEach(async () => {
  expect(h.fake.writeAttempts).toEqual([]);
  await h.fake.close();
});

function addDeployment(namespace: string, name: string, labels?: Record<string, string>): void {
  h.fake.add(deployment({ namespace, name, replicas: 1, revision: 1, containers: [container({ image: `${name}:1` })], ...(labels === undefined ? {} : { labels }) }));
}

describe('without a namespace', () => {
  it('finds the one workload of that name, letting the API server search by field selector', async () => {
    h = await startHarness();
    addPaymentService(h.fake);
    addLedgerDb(h.fake);
    const r = await h.cluster.findWorkloads({ name: 'ledger-db' });
    expect(r).toEqual({ found: [{ kind: 'StatefulSet', namespace: 'data', name: 'ledger-db' }], nearNames: [], readFailures: [] });
    expect(h.fake.requests.map((q) => [q.path, q.query['fieldSelector']])).toEqual(
      expect.arrayContaining([
        ['/apis/apps/v1/deployments', 'metadata.name=ledger-db'],
        ['/apis/apps/v1/statefulsets', 'metadata.name=ledger-db'],
        ['/apis/apps/v1/daemonsets', 'metadata.name=ledger-db'],
        ['/apis/batch/v1/cronjobs', 'metadata.name=ledger-db'],
        ['/apis/batch/v1/jobs', 'metadata.name=ledger-db'],
      ]),
    );
    // One list per kind: Deployment, StatefulSet, DaemonSet, CronJob, Job.
    expect(h.fake.requests).toHaveLength(5);
  });

  it('lists every namespace that has one, for the user to choose', async () => {
    h = await startHarness();
    addDeployment('payments', 'checkout');
    addDeployment('payments-staging', 'checkout');
    addDeployment('payments', 'checkout-worker');
    const r = await h.cluster.findWorkloads({ name: 'checkout' });
    expect(r.found).toEqual([
      { kind: 'Deployment', namespace: 'payments', name: 'checkout' },
      { kind: 'Deployment', namespace: 'payments-staging', name: 'checkout' },
    ]);
    expect(r.nearNames).toEqual([]);
  });

  it('offers near names when nothing matches', async () => {
    h = await startHarness();
    addPaymentService(h.fake);
    addLedgerDb(h.fake);
    addDeployment('payments', 'payment-gateway');
    addDeployment('search', 'search-api');
    const r = await h.cluster.findWorkloads({ name: 'payment-servce' });
    expect(r.found).toEqual([]);
    expect(r.nearNames).toEqual(['payment-service', 'payment-gateway']);
    expect(r.readFailures).toEqual([]);
    const nearLists = h.fake.requests.filter((q) => q.query['fieldSelector'] === undefined);
    expect(nearLists.map((q) => q.query['limit'])).toEqual(['500', '500', '500', '500', '500']);
  });

  it('says so when the cluster-wide list is forbidden, without trying namespace after namespace', async () => {
    h = await startHarness();
    addPaymentService(h.fake);
    h.fake.forbid({ resource: 'deployments', verb: 'list', namespace: 'payments' });
    const r = await h.cluster.findWorkloads({ name: 'payment-service' });
    expect(r.found).toEqual([]);
    expect(r.nearNames).toEqual([]);
    expect(r.readFailures).toEqual([
      {
        what: 'Deployments in all namespaces',
        source: 'workload',
        reason: 'forbidden',
        detail: 'deployments.apps is forbidden: User "system:serviceaccount:rootcause:rootcause" cannot list resource "deployments" in API group "apps" at the cluster scope',
      },
    ]);
    expect(h.fake.requests).toHaveLength(5);
  });
});

describe('with a namespace', () => {
  it('gets the workload by name there', async () => {
    h = await startHarness();
    addPaymentService(h.fake);
    const r = await h.cluster.findWorkloads({ name: 'payment-service', namespace: 'payments' });
    expect(r).toEqual({ found: [{ kind: 'Deployment', namespace: 'payments', name: 'payment-service' }], nearNames: [], readFailures: [] });
    expect(h.fake.requests.map((q) => q.path).sort()).toEqual([
      '/apis/apps/v1/namespaces/payments/daemonsets/payment-service',
      '/apis/apps/v1/namespaces/payments/deployments/payment-service',
      '/apis/apps/v1/namespaces/payments/statefulsets/payment-service',
      '/apis/batch/v1/namespaces/payments/cronjobs/payment-service',
      '/apis/batch/v1/namespaces/payments/jobs/payment-service',
    ]);
  });

  it('offers near names from that namespace only', async () => {
    h = await startHarness();
    addPaymentService(h.fake);
    addDeployment('other', 'payment-servic');
    const r = await h.cluster.findWorkloads({ name: 'payment-svc', namespace: 'payments' });
    expect(r.found).toEqual([]);
    expect(r.nearNames).toEqual(['payment-service']);
  });

  it('names a denied get rather than calling it absent', async () => {
    h = await startHarness();
    addLedgerDb(h.fake);
    h.fake.forbid({ resource: 'deployments', namespace: 'data' });
    const r = await h.cluster.findWorkloads({ name: 'ledger-db', namespace: 'data' });
    expect(r.found).toEqual([{ kind: 'StatefulSet', namespace: 'data', name: 'ledger-db' }]);
    expect(r.readFailures).toEqual([expect.objectContaining({ what: 'Deployment data/ledger-db', reason: 'forbidden' })]);
  });
});

describe('with a catalog selector', () => {
  it('keeps the workloads whose pod template carries the labels', async () => {
    h = await startHarness();
    addPaymentService(h.fake);
    // Named differently from the catalog key, and with other own labels: only the template counts.
    addDeployment('payments', 'payments-api-v2', { app: 'payment-service', track: 'stable' });
    addDeployment('payments', 'payments-db-proxy', { app: 'payments-db-proxy' });
    addDeployment('other', 'payment-service', { app: 'payment-service' });
    const r = await h.cluster.findWorkloads({ name: 'payment-service', namespace: 'payments', selector: 'app=payment-service' });
    expect(r.found).toEqual([
      { kind: 'Deployment', namespace: 'payments', name: 'payment-service' },
      { kind: 'Deployment', namespace: 'payments', name: 'payments-api-v2' },
    ]);
    expect(h.fake.requests.map((q) => q.path).sort()).toEqual([
      '/apis/apps/v1/namespaces/payments/daemonsets',
      '/apis/apps/v1/namespaces/payments/deployments',
      '/apis/apps/v1/namespaces/payments/statefulsets',
      '/apis/batch/v1/namespaces/payments/cronjobs',
      '/apis/batch/v1/namespaces/payments/jobs',
    ]);
  });

  it('supports set-based selectors and reports near names when nothing carries them', async () => {
    h = await startHarness();
    addPaymentService(h.fake);
    const r = await h.cluster.findWorkloads({ name: 'payment-servic', namespace: 'payments', selector: 'app in (payments, billing)' });
    expect(r.found).toEqual([]);
    expect(r.nearNames).toEqual(['payment-service']);
  });

  it('refuses a malformed catalog selector', async () => {
    h = await startHarness();
    await expect(h.cluster.findWorkloads({ name: 'x', namespace: 'payments', selector: 'app=(' })).rejects.toMatchObject({ code: 'CATALOG_INVALID' });
  });
});

describe('contexts', () => {
  it('lists the current context first and reads the named one', async () => {
    h = await startHarness({ contexts: ['prod-us-east-1', 'prod-eu-west-1'] });
    addPaymentService(h.fake);
    expect(h.cluster.contexts()).toEqual(['prod-us-east-1', 'prod-eu-west-1']);
    const r = await h.cluster.findWorkloads({ name: 'payment-service', context: 'prod-eu-west-1' });
    expect(r.found).toEqual([{ kind: 'Deployment', namespace: 'payments', name: 'payment-service', context: 'prod-eu-west-1' }]);
    const ev = await h.cluster.collectEvidence(
      { service: 'payment-service', namespace: 'payments', kind: 'Deployment', name: 'payment-service', context: 'prod-eu-west-1' },
      { budgetMs: AMPLE_BUDGET_MS },
    );
    expect(ev.workload?.name).toBe('payment-service');
  });

  it('refuses an unknown context with the known ones, before any request', async () => {
    h = await startHarness({ contexts: ['a', 'b'] });
    const err = await h.cluster.findWorkloads({ name: 'payment-service', context: 'c' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RootcauseError);
    expect(err).toMatchObject({ code: 'USAGE', message: 'unknown kube context "c"; known: a, b' });
    await expect(
      h.cluster.collectEvidence({ service: 's', namespace: 'n', kind: 'Deployment', name: 's', context: 'c' }, { budgetMs: 1000 }),
    ).rejects.toMatchObject({ code: 'USAGE' });
    expect(h.fake.requests).toEqual([]);
  });

  it('refuses names that are not Kubernetes names, so nothing odd reaches a field selector', async () => {
    h = await startHarness();
    await expect(h.cluster.findWorkloads({ name: 'x,metadata.namespace=kube-system' })).rejects.toMatchObject({ code: 'USAGE' });
    await expect(h.cluster.findWorkloads({ name: 'payment-service', namespace: 'Payments' })).rejects.toMatchObject({ code: 'USAGE' });
    expect(h.fake.requests).toEqual([]);
  });
});

describe('other kinds of workload', () => {
  it('finds a CronJob by name, and not the Jobs it made', async () => {
    h = await startHarness();
    const cron = cronJob({
      namespace: 'reports',
      name: 'nightly-report',
      schedule: '0 2 * * *',
      template: { containers: [kitContainer({ image: 'registry.example.com/reports:1.4.0' })] },
      jobs: [{ createdAgo: 74, pods: [], outcome: { complete: true, ago: 60 } }],
    });
    for (const o of cron.objects) h.fake.add(o);
    const jobName = cron.jobs[0]?.objects[0]?.metadata?.name ?? '';
    expect((await h.cluster.findWorkloads({ name: 'nightly-report' })).found).toEqual([{ kind: 'CronJob', namespace: 'reports', name: 'nightly-report' }]);
    // A Job is a target of its own when asked for by name in its namespace.
    expect((await h.cluster.findWorkloads({ name: jobName, namespace: 'reports' })).found).toEqual([{ kind: 'Job', namespace: 'reports', name: jobName }]);
    // …but the CronJob's runs do not crowd a cluster-wide search.
    expect((await h.cluster.findWorkloads({ name: jobName })).found).toEqual([]);
  });
});

describe('a name typed as the stem of a longer one', () => {
  function addJob(namespace: string, name: string, createdAgo: number): void {
    for (const o of job({ namespace, name, createdAgo, template: { containers: [kitContainer({ image: 'registry.example.com/orders-migrations:2.4.0' })] }, pods: [] }).objects) h.fake.add(o);
  }

  it('triages the newest Job of the family the stem names, and says it chose by prefix', async () => {
    h = await startHarness();
    addJob('shop', 'orders-migrate-2-3-9', 9000);
    addJob('shop', 'orders-migrate-2-4-0', 30);
    addDeployment('shop', 'orders-api');
    const inNamespace = await h.cluster.findWorkloads({ name: 'orders-migrate', namespace: 'shop' });
    expect(inNamespace).toEqual({ found: [{ kind: 'Job', namespace: 'shop', name: 'orders-migrate-2-4-0' }], nearNames: [], readFailures: [], chosenByPrefix: { among: 2 } });
    const everywhere = await h.cluster.findWorkloads({ name: 'orders-migrate' });
    expect(everywhere.found).toEqual([{ kind: 'Job', namespace: 'shop', name: 'orders-migrate-2-4-0' }]);
  });

  it('keeps "did you mean" when the stem names several unrelated workloads', async () => {
    h = await startHarness();
    addDeployment('shop', 'orders-api');
    addDeployment('shop', 'orders-worker');
    const r = await h.cluster.findWorkloads({ name: 'orders', namespace: 'shop' });
    expect(r.found).toEqual([]);
    expect(r.chosenByPrefix).toBeUndefined();
    expect(r.nearNames).toEqual(['orders-api', 'orders-worker']);
  });
});
