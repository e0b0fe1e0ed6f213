/**
 * A Kubernetes API that fails some reads during a triage (issue 9): the pod list answering 503, or
 * every event read failing. The report says what it could not read, makes no claim that needs it
 * (no all-clear, no "no restarts", no "no warning events"), and the verdict is inconclusive, not
 * healthy. Real HTTP server, real Redis, BullMQ, client-node against the fake API server.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeChannel } from '../../src/demo/fakes/fake-slack.js';
import { AMPLE_BUDGET_MS } from '../helpers/deadline.js';
import { postSlack, slashCommand } from '../../src/demo/wire/slack-requests.js';
import type { TestBot } from '../helpers/test-bot.js';
import { useWire } from '../helpers/wire-harness.js';
import { at, container, deployment, endpointSlice, node, pod, replicaSet, runningStatus, service } from '../adapters/kubernetes/builders.js';

const wire = useWire({ kube: true });
let bot: TestBot;
let channel: FakeChannel;

beforeEach(async () => {
  channel = wire.slack.addChannel('shop-oncall');
  addHealthyCatalog();
  bot = await wire.startBot({ env: { KUBECONFIG: wire.kube.kubeconfig().path }, start: { triageBudgetMs: AMPLE_BUDGET_MS } });
});

/** A healthy two-replica Deployment: what would get an all-clear if every read succeeded. */
function addHealthyCatalog(): void {
  const labels = { app: 'catalog-api' };
  const spec = container({ image: 'registry.example.com/catalog-api:2.4.1' });
  const dep = wire.kube.add(deployment({ namespace: 'shop', name: 'catalog-api', replicas: 2, revision: 3, containers: [spec], labels }));
  const owner = { name: 'catalog-api', uid: dep.metadata.uid, namespace: 'shop' };
  wire.kube.add(replicaSet({ owner, hash: 'abc123', revision: 3, replicas: 2, containers: [spec], createdAt: at(-2000), labels }));
  for (const [i, nodeName] of ['node-1', 'node-2'].entries()) {
    wire.kube.add(node(nodeName, { zone: `z${i}` }));
    wire.kube.add(pod({ namespace: 'shop', name: `catalog-api-abc123-p${i}`, labels: { ...labels, 'pod-template-hash': 'abc123' }, node: nodeName, containers: [spec], statuses: [runningStatus('app', spec.image)], ready: true }));
  }
  wire.kube.add(service('shop', 'catalog-api', labels));
  wire.kube.add(endpointSlice('shop', 'catalog-api', [0, 1].map((i) => ({ ip: `10.1.0.${i + 1}`, pod: `catalog-api-abc123-p${i}`, node: `node-${i + 1}`, ready: true }))));
}

async function triageSummary(): Promise<string> {
  const body = slashCommand({ command: '/triage', text: 'catalog-api', userId: 'U0ALICE', channelId: channel.id, responseUrl: wire.slack.responseUrl('t') });
  expect((await postSlack(bot.url, body, 'application/x-www-form-urlencoded')).status).toBe(200);
  // The summary's message shows progress first; the verdict replaces it in place.
  const summary = await wire.slack.waitFor(() =>
    wire.slack.messages(channel.id).find((m) => (m.thread_ts === undefined || m.thread_ts === m.ts) && !JSON.stringify(m.blocks).includes('"block_id":"triage-progress"')),
  );
  return `${summary.text}\n${JSON.stringify(summary.blocks)}`;
}

describe('/triage while the Kubernetes API fails some reads', () => {
  it('the pod list answering 503: no all-clear and no claim about containers, and the summary names the gap', async () => {
    wire.kube.failWith(/^\/api\/v1\/namespaces\/shop\/pods(\?|$)/, 503);
    const text = await triageSummary();
    expect(text).not.toContain('looks healthy');
    expect(text).not.toMatch(/no crashed containers|no restarts/i);
    expect(text).toMatch(/could not (fully )?(check|read)/i);
    expect(text).toMatch(/pods/i);
    expect(text).toMatch(/503/);
  });

  it('every event read failing: no "no warning events", no all-clear', async () => {
    wire.kube.failWith(/\/events(\?|$)/, 503);
    const text = await triageSummary();
    expect(text).not.toContain('looks healthy');
    expect(text).not.toMatch(/no warning events/i);
    expect(text).toMatch(/events/i);
    expect(text).toMatch(/could not (fully )?(check|read)/i);
  });

  it('the same cluster with every read answered gets its all-clear (the control for the two above)', async () => {
    const text = await triageSummary();
    expect(text).toContain('looks healthy');
    expect(text).toContain('no warning events');
  });
});
