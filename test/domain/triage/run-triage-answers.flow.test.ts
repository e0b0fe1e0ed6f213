/**
 * A triage that ends in an answer instead of a verdict (run-triage.ts, through the in-memory
 * ports): nothing called that, several of them, places it could not search, bad input, and a
 * Kubernetes API that does not answer — said to the requester, retried, then given up out loud.
 */
import { describe, expect, it } from 'vitest';
import { runTriage } from '../../../src/domain/triage/run-triage.js';
import { ServiceCatalog } from '../../../src/domain/service-catalog.js';
import { memoryTriageDeps, triageRequest } from '../../support/memory-cluster-triage.js';
import type { MemoryTriageDeps } from '../../support/memory-cluster-triage.js';
import { NOW, baseEvidence, workload } from './scenarios/builders.js';
import { badRolloutScenario } from './scenarios/rollout.js';

const RESPONSE_URL = 'https://hooks.slack.test/r1';

function world(catalog?: ServiceCatalog): MemoryTriageDeps {
  return memoryTriageDeps({ now: NOW, contexts: ['prod-eu-west-1', 'staging'], ...(catalog === undefined ? {} : { catalog }) });
}

/** A Deployment `name` in `namespace` with the healthy baseline's evidence. */
function addDeployment(deps: MemoryTriageDeps, namespace: string, name: string, labels: Record<string, string> = { app: name }): void {
  deps.cluster.add(baseEvidence({ target: { service: name, namespace, kind: 'Deployment', name }, workload: workload({ name, namespace, selector: labels, templateLabels: labels }) }), { labels });
}

const answers = (deps: MemoryTriageDeps) => deps.chat.responses.map((r) => r.text);

describe('a triage that finds no one workload answers the requester alone', () => {
  it('nothing called that: says where it looked and offers the near names, reads nothing', async () => {
    const deps = world();
    addDeployment(deps, 'payments', 'payment-service');
    addDeployment(deps, 'search', 'search-api');
    const outcome = await runTriage(deps, triageRequest(deps, { service: 'payment-servce' }));
    expect(outcome).toEqual({ answered: 'No Deployment, StatefulSet, DaemonSet, CronJob or Job called `payment-servce` in any namespace I can read. Did you mean `payment-service`?' });
    expect(deps.chat.responses).toEqual([{ responseUrl: RESPONSE_URL, text: 'No Deployment, StatefulSet, DaemonSet, CronJob or Job called `payment-servce` in any namespace I can read. Did you mean `payment-service`?' }]);
    expect(deps.cluster.reads).toEqual([]);
    expect(deps.chat.posts).toEqual([]);
  });

  it('a name in several namespaces: lists them and says how to choose', async () => {
    const deps = world();
    addDeployment(deps, 'payments', 'payment-service');
    addDeployment(deps, 'payments-canary', 'payment-service');
    await runTriage(deps, triageRequest(deps));
    expect(answers(deps)).toEqual([
      '`payment-service` exists in 2 places:\n• `payments` (Deployment)\n• `payments-canary` (Deployment)\nSay which: `/triage payment-service --namespace payments`',
    ]);
    expect(deps.cluster.reads).toEqual([]);
    expect(deps.chat.posts).toEqual([]);
  });

  it('names the places it could not search rather than guessing around them', async () => {
    const deps = world();
    addDeployment(deps, 'payments', 'payment-service');
    deps.cluster.unreadable({ what: 'Deployments in all namespaces', source: 'workload', reason: 'forbidden', detail: 'deployments.apps is forbidden' });
    await runTriage(deps, triageRequest(deps));
    expect(answers(deps)).toEqual([
      'No Deployment, StatefulSet, DaemonSet, CronJob or Job called `payment-service` in any namespace I can read.\nI could not search everywhere: Deployments in all namespaces (forbidden).',
    ]);
  });

  it('answers in the channel, once, when there is no response_url (a triage started by a page)', async () => {
    const deps = world();
    const request = triageRequest(deps, { service: 'nothing-here', responseUrl: undefined });
    await runTriage(deps, request);
    await runTriage(deps, request, 2);
    expect(deps.chat.texts(deps.channel.id)).toEqual(['No Deployment, StatefulSet, DaemonSet, CronJob or Job called `nothing-here` in any namespace I can read.']);
  });

  it('answers bad input (an unknown context) as usage, without retrying', async () => {
    const deps = world();
    const outcome = await runTriage(deps, triageRequest(deps, { context: 'nope' }));
    expect(outcome).toEqual({ answered: expect.stringContaining('unknown kube context "nope"') });
    expect(answers(deps)).toHaveLength(1);
    expect(deps.chat.posts).toEqual([]);
  });
});

describe('where the catalog says the service lives', () => {
  it('searches its namespace with its selector, in its context', async () => {
    const catalog = new ServiceCatalog([{ name: 'payments', namespace: 'payments', selector: 'app=payment-service', context: 'staging', pagerduty: [], owners: [] }]);
    const deps = world(catalog);
    addDeployment(deps, 'payments', 'payment-service');
    await runTriage(deps, triageRequest(deps, { service: 'payments' }));
    expect(deps.cluster.searches).toEqual([{ name: 'payments', namespace: 'payments', context: 'staging', selector: 'app=payment-service' }]);
    expect(deps.cluster.reads).toEqual([{ service: 'payments', namespace: 'payments', kind: 'Deployment', name: 'payment-service', context: 'staging' }]);
  });

  it('drops the catalog selector when the user asks for another namespace', async () => {
    const catalog = new ServiceCatalog([{ name: 'payment-service', namespace: 'payments', selector: 'app=payment-service', pagerduty: [], owners: [] }]);
    const deps = world(catalog);
    addDeployment(deps, 'payments-canary', 'payment-service');
    await runTriage(deps, triageRequest(deps, { namespace: 'payments-canary' }));
    expect(deps.cluster.searches).toEqual([{ name: 'payment-service', namespace: 'payments-canary', context: undefined, selector: undefined }]);
  });
});

describe('a Kubernetes API that does not answer', () => {
  it('says so and retries on the first try, gives up out loud on the last, and never says the service does not exist', async () => {
    const deps = world();
    const unreachable = { what: 'Deployments in all namespaces', source: 'workload' as const, reason: 'error' as const, detail: 'connect ECONNREFUSED 127.0.0.1:6443' };
    deps.cluster.unreadable(unreachable);
    const request = triageRequest(deps);
    await expect(runTriage(deps, request, 1, 4)).rejects.toMatchObject({ retryable: true, message: expect.stringContaining('ECONNREFUSED') });
    await expect(runTriage(deps, request, 2, 4)).rejects.toMatchObject({ retryable: true });
    await expect(runTriage(deps, request, 4, 4)).rejects.toMatchObject({ retryable: true });
    expect(answers(deps)).toEqual([
      expect.stringMatching(/^:hourglass: Could not reach the Kubernetes API for `payment-service` \(.*ECONNREFUSED.*\)\. Retrying\.$/),
      expect.stringMatching(/^:x: Gave up on the triage of `payment-service` after 4 tries: .*ECONNREFUSED.*\. No verdict was posted; run it again when the cluster answers\.$/),
    ]);
    expect(answers(deps).join('\n')).not.toContain('No Deployment');
    expect(deps.chat.posts).toEqual([]);
  });

  it('failing mid-read, says so in the summary’s place, and the retry puts the verdict there', async () => {
    const deps = world();
    deps.cluster.add(badRolloutScenario());
    deps.cluster.failNext('collectEvidence');
    const request = triageRequest(deps);
    await expect(runTriage(deps, request, 1, 4)).rejects.toMatchObject({ retryable: true });
    const [place] = deps.chat.messages(deps.channel.id);
    expect(place?.message).toMatchObject({ kind: 'triage-progress', progress: { done: [], note: expect.stringMatching(/^could not reach the Kubernetes API \(.*\); retrying\.$/) } });
    await runTriage(deps, request, 2, 4);
    expect(deps.chat.messages(deps.channel.id)).toHaveLength(1);
    expect(deps.chat.messages(deps.channel.id)[0]?.message.kind).toBe('triage-summary');
  });
});
