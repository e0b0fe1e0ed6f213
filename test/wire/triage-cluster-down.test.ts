/** With the Kubernetes API out of reach, /triage says so, retries, and finally says it gave up — no invented answer. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { postSlack, slashCommand } from '../../src/demo/wire/slack-requests.js';
import type { TestBot } from '../helpers/test-bot.js';
import { useWire } from '../helpers/wire-harness.js';

const wire = useWire();
let bot: TestBot;

beforeEach(async () => {
  // A cluster whose API server does not answer (nothing listens on port 1).
  const dir = mkdtempSync(join(tmpdir(), 'rootcause-kube-'));
  const kubeconfig = join(dir, 'config');
  writeFileSync(
    kubeconfig,
    'apiVersion: v1\nkind: Config\nclusters:\n- name: dead\n  cluster:\n    server: http://127.0.0.1:1\n    insecure-skip-tls-verify: true\ncontexts:\n- name: dead\n  context: {cluster: dead, user: u}\ncurrent-context: dead\nusers:\n- name: u\n  user: {token: t}\n',
  );
  bot = await wire.startBot({ env: { KUBECONFIG: kubeconfig } });
});

describe('/triage with the Kubernetes API down', () => {
  it('names the outage, retries, then gives up out loud instead of saying the service does not exist', async () => {
    const channel = wire.slack.addChannel('oncall');
    const body = slashCommand({ command: '/triage', text: 'payment-service', userId: 'U0ALICE', channelId: channel.id, responseUrl: wire.slack.responseUrl('k') });
    expect((await postSlack(bot.url, body, 'application/x-www-form-urlencoded')).status).toBe(200);
    const first = await wire.slack.waitFor(() => wire.slack.responses('k')[0]);
    expect(String(first.text)).toContain('Could not reach the Kubernetes API');
    expect(String(first.text)).toContain('ECONNREFUSED');
    expect(String(first.text)).not.toContain('No Deployment');
    const last = await wire.slack.waitFor(() => wire.slack.responses('k').find((r) => String(r.text).includes('Gave up')));
    expect(String(last.text)).toContain('after 4 tries');
    expect(wire.slack.messages(channel.id)).toEqual([]);
  });
});
