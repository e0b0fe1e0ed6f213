// A pull the registry refuses for an expired token, with the pull secret rewritten by a CronJob
// whose runs fail: the verdict names the secret and the refresher, and offers no rollback (any
// revision's new pods pull with the same token). Neighbours: GCR/ACR "unauthorized:
// authentication required" with a refresher found by its name only; an expired token with no
// refresher found.
import { describe, expect, it } from 'vitest';
import type { NamespaceJobEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { findPullSecretRefresher, keepRefresherErrorLines, listRefusedPullSecrets, needsPullSecretRefresher, pickRefresherRuns } from '../../../src/domain/triage/pull-secret-refresher.js';
import { analyzeImagePulls } from '../../../src/domain/triage/analyzers/image-pull.js';
import { diagnose } from '../../../src/domain/triage/verdict/diagnose.js';
import { REV7, minutesAgo } from './scenarios/builders.js';
import { imagePullScenario } from './scenarios/images.js';

const IMAGE = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments/payment-service:2.15.0';
const EXPIRED = `Failed to pull image "${IMAGE}": rpc error: code = Unknown desc = reading manifest 2.15.0 in 123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments/payment-service: denied: Your authorization token has expired. Reauthenticate and try again.`;
const GCR_IMAGE = 'europe-docker.pkg.dev/acme-prod/payments/payment-service:2.15.0';
const GCR_REFUSED = `Failed to pull image "${GCR_IMAGE}": rpc error: code = Unknown desc = failed to pull and unpack image "${GCR_IMAGE}": failed to resolve reference "${GCR_IMAGE}": unexpected status from HEAD request: 401 Unauthorized: unauthorized: authentication required`;
const HOUR = 60;

const REFRESH_CMD = 'TOKEN=$(aws ecr get-login-password --region eu-west-1)\nkubectl -n payments create secret docker-registry registry-pull --docker-server=123456789012.dkr.ecr.eu-west-1.amazonaws.com --docker-username=AWS --docker-password="$TOKEN" --dry-run=client -o yaml | kubectl apply -f -';
const run = (cron: string, n: number, ago: number, state: NamespaceJobEvidence['state'], command?: string): NamespaceJobEvidence => ({
  name: `${cron}-${n}`, owner: { kind: 'CronJob', name: cron }, createdAt: minutesAgo(ago), finishedAt: minutesAgo(ago - 1), state,
  ...(state === 'failed' ? { failedReason: 'BackoffLimitExceeded' } : {}),
  ...(command ? { commandAndEnv: ['/bin/bash', '-c', command] } : {}),
});
const RUN_LOG = ['+ aws ecr get-login-password --region eu-west-1', '', 'An error occurred (UnrecognizedClientException) when calling the GetAuthorizationToken operation: The security token included in the request is invalid.'];

/** Revision 7 only moved the tag; both revisions pull with registry-pull. */
function refused(message: string, image: string, jobs: NamespaceJobEvidence[], secrets: string[] = ['registry-pull']): TriageEvidence {
  const ev = imagePullScenario(message, image);
  ev.pods = ev.pods.map((p) => ({ ...p, imagePullSecrets: secrets }));
  const template = { initContainers: [], volumes: [], imagePullSecrets: secrets, placement: { nodeSelector: {}, tolerations: [] } } as unknown as NonNullable<TriageEvidence['revisions'][number]['template']>;
  ev.revisions = ev.revisions.map((r) => ({ ...r, template }));
  ev.namespaceJobs = { jobs, complete: true };
  return ev;
}

const failingRefresher = (): NamespaceJobEvidence[] => [
  run('payments-registry-refresh', 1, 20 * HOUR, 'complete', REFRESH_CMD),
  run('payments-registry-refresh', 2, 14 * HOUR, 'complete', REFRESH_CMD),
  run('payments-registry-refresh', 4, 2 * HOUR, 'failed', REFRESH_CMD),
  // A failing Job that rewrites nothing of the pods'.
  run('report-mailer', 7, 30, 'failed', 'python -m mailer'),
];

describe('the CronJob that rewrites a refused pull secret', () => {
  it('is found by its command naming the secret, failing since its last success', () => {
    const ev = refused(EXPIRED, IMAGE, failingRefresher());
    expect(listRefusedPullSecrets(ev.pods, ev.events)).toEqual(['registry-pull']);
    expect(needsPullSecretRefresher(ev.target, ev.pods, ev.events)).toBe(true);
    const r = findPullSecretRefresher(ev.namespaceJobs, ['registry-pull']);
    expect(r).toMatchObject({ cronJob: 'payments-registry-refresh', secret: 'registry-pull', failing: true, failedRuns: 1, lastSuccessAt: minutesAgo(14 * HOUR - 1) });
    expect(pickRefresherRuns(ev.namespaceJobs, ev.pods, ev.events).map((j) => j.name)).toEqual(['payments-registry-refresh-4']);
  });

  it('is found by its name alone when its command does not show the secret', () => {
    const r = findPullSecretRefresher({ jobs: [run('gcr-credentials-refresh', 3, 50, 'failed'), run('nightly-report', 2, 40, 'failed')], complete: true }, ['registry-pull']);
    expect(r?.cronJob).toBe('gcr-credentials-refresh');
    expect(r?.secret).toBeUndefined();
  });

  it('is not looked for when the pods name no pull secret or the refusal is not about credentials', () => {
    const none = refused(EXPIRED, IMAGE, failingRefresher(), []);
    expect(needsPullSecretRefresher(none.target, none.pods, none.events)).toBe(false);
    const missing = refused(`Failed to pull image "${IMAGE}": rpc error: code = NotFound desc = ${IMAGE}: not found`, IMAGE, failingRefresher());
    expect(needsPullSecretRefresher(missing.target, missing.pods, missing.events)).toBe(false);
  });

  it('keeps only the error lines of the run log', () => {
    expect(keepRefresherErrorLines(RUN_LOG)).toEqual([RUN_LOG[2]]);
  });
});

describe('analyzeImagePulls on a pull refused for an expired token', () => {
  it('names the pull secret, its failing refresher and what its run said, and how to run it again', () => {
    const ev = refused(EXPIRED, IMAGE, failingRefresher());
    ev.refresherJobLogs = [{ job: 'payments-registry-refresh-4', pod: 'payments-registry-refresh-4-x7k2p', container: 'refresh', lines: keepRefresherErrorLines(RUN_LOG), terminated: { reason: 'Error', exitCode: 254 } }];
    const [f] = analyzeImagePulls(ev);
    expect(f?.title).toMatch(/the registry token in pull secret registry-pull has expired: its refresher CronJob payments-registry-refresh has not succeeded since 13h 59m ago, longer than an ECR token's 12 hours/);
    expect(f?.title).toMatch(/BackoffLimitExceeded, exit 254\): "An error occurred \(UnrecognizedClientException\)/);
    expect(f?.fix).toContain('kubectl create job --from=cronjob/payments-registry-refresh payments-registry-refresh-manual -n payments');
    expect(f?.outsideWorkload).toMatch(/any new pod, of any revision, pulls with the same expired token in pull secret registry-pull/);
    expect(f?.affected?.jobs).toEqual(['payments-registry-refresh']);
    expect(f?.confirmCommands.some((c) => c.startsWith('kubectl logs job/payments-registry-refresh-4 --tail=50 -n payments'))).toBe(true);
  });

  it('says the token expired when no refresher is found', () => {
    const [f] = analyzeImagePulls(refused(EXPIRED, IMAGE, []));
    expect(f?.title).toMatch(/the registry token in pull secret registry-pull has expired/);
    expect(f?.fix).toMatch(/^renew the token in pull secret registry-pull/);
    expect(f?.outsideWorkload).toBeDefined();
  });

  it('names a refresher found by its name for a registry that answers unauthorized', () => {
    const [f] = analyzeImagePulls(refused(GCR_REFUSED, GCR_IMAGE, [run('gcr-credentials-refresh', 3, 50, 'complete'), run('gcr-credentials-refresh', 4, 20, 'failed')]));
    expect(f?.title).toMatch(/the registry token in pull secret registry-pull is refused: its refresher CronJob gcr-credentials-refresh has not succeeded since 49m ago/);
  });

  it('blames the revision when it moved the pods to another pull secret', () => {
    const ev = refused(EXPIRED, IMAGE, []);
    ev.revisions = ev.revisions.map((r) => (r.revision === REV7.revision && r.template ? { ...r, template: { ...r.template, imagePullSecrets: ['registry-pull-v2'] } } : r));
    const [f] = analyzeImagePulls(ev);
    expect(f?.outsideWorkload).toBeUndefined();
  });

  it('leaves the verdict without a rollback: the revision is not the cause', () => {
    const ev = refused(EXPIRED, IMAGE, failingRefresher());
    const d = diagnose(ev, analyzeImagePulls(ev));
    expect(d?.headline).toMatch(/revision 7 \(19m ago\) is not the cause/);
    expect(d?.headline).not.toMatch(/roll(ing)? ?back to|rollout undo/i);
    expect(d?.headline).toMatch(/Fix the credentials CronJob payments-registry-refresh runs with/);
  });
});
