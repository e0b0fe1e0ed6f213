/**
 * `/triage` end to end: a signed slash command through the real HTTP server, a BullMQ
 * worker, the real client-node against the fake Kubernetes API, and the findings
 * posted in the fake Slack — with nothing written to the cluster.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { FakeChannel } from '../../src/demo/fakes/fake-slack.js';
import { AMPLE_BUDGET_MS, SHORT_BUDGET_MS } from '../helpers/deadline.js';
import type { TestBot } from '../helpers/test-bot.js';
import { PAYMENTS, addPaymentService } from '../adapters/kubernetes/scenarios.js';
import { at, container, deployment, endpointSlice, node, pod, replicaSet, runningStatus, service } from '../adapters/kubernetes/builders.js';
import { useWire } from '../helpers/wire-harness.js';

const wire = useWire({ kube: true });
let bot: TestBot;
let channel: FakeChannel;

beforeEach(async () => {
  channel = wire.slack.addChannel('payments-oncall');
  bot = await startBot(AMPLE_BUDGET_MS);
});

function startBot(triageBudgetMs: number): Promise<TestBot> {
  return wire.startBot({ env: { KUBECONFIG: wire.kube.kubeconfig({ contexts: ['prod-us-east-1', 'staging'] }).path }, start: { triageBudgetMs } });
}

/** A signed `/triage` in the channel, with its acknowledgement and the id of its response_url. */
const triage = (text: string) => wire.command(bot, { command: '/triage', text, channelId: channel.id });

const summaries = () => wire.slack.messages(channel.id).filter((m) => m.thread_ts === undefined || m.thread_ts === m.ts);
/** The summary once the verdict has replaced the progress in it. */
const verdict = () => summaries().find((m) => !JSON.stringify(m.blocks).includes('"block_id":"triage-progress"'));

describe('/triage', () => {
  it('posts ranked findings with the evidence in a thread, and changes nothing in the cluster', async () => {
    addPaymentService(wire.kube);
    const { ack } = await triage('payment-service');
    expect(ack.response_type).toBe('ephemeral');
    expect(ack.text).toContain('Triaging `payment-service`');

    const summary = await wire.slack.waitFor(verdict);
    expect(summaries()).toHaveLength(1);
    const text = JSON.stringify(summary.blocks);
    expect(text).toContain('deployment/payment-service in payments');
    expect(text).toMatch(/OOM/);
    expect(text).toMatch(/Read Deployment \d+\/\d+ ready/);
    const thread = await wire.slack.waitFor(() => {
      const replies = wire.slack.messages(channel.id).filter((m) => m.thread_ts === summary.ts && m.ts !== summary.ts);
      return replies.some((m) => m.text.startsWith('Rollout history')) ? replies : undefined;
    });
    const threadText = JSON.stringify(thread.map((m) => m.blocks));
    expect(threadText).toContain('kubectl');
    expect(threadText).toContain('OutOfMemoryError');
    expect(threadText).toContain('Rollout history');
    expect(wire.kube.writeAttempts).toEqual([]);
  });

  it('a healthy workload gets a short all-clear that says what was checked, not invented problems', async () => {
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
    await triage('catalog-api');
    const summary = await wire.slack.waitFor(verdict);
    const text = JSON.stringify(summary.blocks);
    expect(text).toContain('looks healthy');
    expect(text).toContain('2/2 ready');
    expect(text).toContain('Read Deployment 2/2 ready (revision 3), 2 pods');
    expect(text).not.toMatch(/:red_circle:|:large_orange_circle:/);
  });

  it.each([
    ['', 'service name is missing'],
    ['../x', 'not a valid Kubernetes name'],
    ['Payment-Service', 'not a valid Kubernetes name'],
    ['payment-service --context nope', 'Unknown context "nope"'],
  ])('refuses %j with usage and reads nothing', async (text, why) => {
    const { ack } = await triage(text);
    expect(ack.response_type).toBe('ephemeral');
    expect(ack.text).toContain(why);
    expect(ack.text).toContain('Usage: `/triage <service>');
    // The answer comes after anything the command queues: no triage job, so nothing will read.
    expect(await wire.queues.total('triage')).toBe(0);
    expect(wire.kube.requestCount).toBe(0);
    expect(wire.slack.messages(channel.id)).toHaveLength(0);
  });

  it('an unknown service gets a private answer with near names', async () => {
    addPaymentService(wire.kube);
    const { responseId } = await triage('payment-servce');
    const reply = await wire.slack.waitFor(() => wire.slack.responses(responseId)[0]);
    expect(String(reply.text)).toContain('No Deployment, StatefulSet, DaemonSet, CronJob or Job called `payment-servce`');
    expect(String(reply.text)).toContain('payment-service');
    expect(reply.response_type).toBe('ephemeral');
    expect(summaries()).toHaveLength(0);
  });

  it('names what RBAC forbids instead of guessing', async () => {
    addPaymentService(wire.kube);
    wire.kube.forbid({ namespace: PAYMENTS, resource: 'events' });
    await triage('payment-service --namespace payments');
    const summary = await wire.slack.waitFor(verdict);
    const text = JSON.stringify(summary.blocks);
    expect(text).toContain('Could not read');
    expect(text).toContain('forbidden');
  });

  it('a slow API is cut at the budget and the summary says what timed out', async () => {
    addPaymentService(wire.kube);
    await wire.stopBots();
    bot = await startBot(SHORT_BUDGET_MS);
    // Event reads never answer: the summary can only come from the budget running out.
    const release = wire.kube.hold(/events/);
    try {
      await triage('payment-service --namespace payments');
      const summary = await wire.slack.waitFor(verdict);
      expect(JSON.stringify(summary.blocks)).toContain('timeout');
      const eventReads = wire.kube.requests.filter((r) => r.path.endsWith('/events'));
      expect(eventReads.length).toBeGreaterThan(0);
      expect(eventReads.every((r) => r.status === undefined)).toBe(true);
    } finally {
      release();
    }
  });
});
