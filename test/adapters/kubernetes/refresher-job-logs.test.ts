// A pod whose pull the registry refuses for an expired token, with the imagePullSecret it names
// rewritten by a CronJob whose runs fail: the adapter lists the namespace's Jobs and, for the
// refresher's newest failed run, reads one log tail, keeping only its error lines; the Job's
// Failed reason is kept. A pull refused for a missing tag reads none of it.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { NODE_A, NOW, batchContainer, container, cronJob, deploymentApp, event, nameOf, terminated, threeNodes, waiting } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'shop';
const target = { service: 'orders-api', namespace: NS, kind: 'Deployment' as const, name: 'orders-api' };
const stamp = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();
const IMAGE = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/orders-api:3.1.0';

function cluster(refusal: string) {
  const app = deploymentApp({
    namespace: NS,
    name: 'orders-api',
    replicas: 1,
    revisions: [{ revision: 9, createdAgo: 20, template: { imagePullSecrets: ['registry-pull'], containers: [container({ image: IMAGE, ports: [8080] })] } }],
    pods: [{ revision: 9, node: NODE_A, createdAgo: 19, containers: { app: waiting('ImagePullBackOff', `Back-off pulling image "${IMAGE}"`) } }],
  });
  const refresh = cronJob({
    namespace: NS, name: 'registry-token-refresh', schedule: '0 */6 * * *', backoffLimit: 0,
    template: { containers: [batchContainer({ name: 'refresh', image: 'registry.example.com/aws-kubectl:1.0', command: ['/bin/sh', '-c', 'kubectl create secret docker-registry registry-pull --docker-password="$(aws ecr get-login-password)" --dry-run=client -o yaml | kubectl apply -f -'] })] },
    jobs: [{ createdAgo: 3 * 60, pods: [{ node: NODE_A, createdAgo: 3 * 60, phase: 'Failed', containers: { refresh: terminated({ exitCode: 254, finishedAgo: 3 * 60 - 0.1, ranSeconds: 4 }) } }], outcome: { failed: 'BackoffLimitExceeded', ago: 3 * 60 - 0.1 } }],
  });
  const pod = app.pods[0];
  for (const o of [...threeNodes(), ...app.objects, ...refresh.objects]) h.fake.add(o);
  if (pod !== undefined) h.fake.add(event({ on: pod, reason: 'Failed', message: `Failed to pull image "${IMAGE}": rpc error: code = Unknown desc = ${refusal}`, count: 6, firstAgo: 18, lastAgo: 1 }));
  const run = refresh.jobs[0]?.pods[0];
  if (run !== undefined) h.fake.setLogs(NS, nameOf(run), 'refresh', { current: [
    `${stamp(180)} + aws ecr get-login-password`,
    '',
    'An error occurred (UnrecognizedClientException) when calling the GetAuthorizationToken operation: The security token included in the request is invalid.',
  ].join('\n') + '\n' });
  return { run };
}

const jobLogReads = () => h.fake.requests.filter((r) => r.path.endsWith('/log') && !r.path.includes('/orders-api-'));

describe('the CronJob that rewrites a refused pull secret', () => {
  it('reads the error lines of its newest failed run, and keeps the run\'s Failed reason', async () => {
    const { run } = cluster('denied: Your authorization token has expired. Reauthenticate and try again.');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.namespaceJobs?.jobs[0]).toMatchObject({ owner: { kind: 'CronJob', name: 'registry-token-refresh' }, state: 'failed', failedReason: 'BackoffLimitExceeded' });
    expect(ev.refresherJobLogs).toHaveLength(1);
    expect(ev.refresherJobLogs?.[0]).toMatchObject({ pod: nameOf(run), container: 'refresh', lines: [expect.stringMatching(/UnrecognizedClientException/)] });
    expect(jobLogReads()).toHaveLength(1);
    expect(Number(jobLogReads()[0]?.query.tailLines)).toBeLessThanOrEqual(200);
  });

  it('reads no Job log when the registry says the tag does not exist', async () => {
    cluster('manifest unknown: requested image not found');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.refresherJobLogs).toBeUndefined();
    expect(jobLogReads()).toEqual([]);
  });
});
