// A FakeKubeApi and a KubeCluster talking to it through the real client and a real kubeconfig.
import * as k8s from '@kubernetes/client-node';
import { afterEach, beforeEach, expect } from 'vitest';
import { KubeCluster } from '../../../src/adapters/kubernetes/kube-cluster.js';
import type { KubeClusterOptions } from '../../../src/adapters/kubernetes/kube-cluster.js';
import { FakeKubeApi } from '../../../src/demo/fakes/fake-kube-api.js';

export const COLLECTED_AT = new Date('2026-11-21T02:00:30Z');

export interface Harness {
  fake: FakeKubeApi;
  cluster: KubeCluster;
}

export async function startHarness(opts: { contexts?: string[]; cluster?: KubeClusterOptions } = {}): Promise<Harness> {
  const fake = await FakeKubeApi.start();
  const kc = new k8s.KubeConfig();
  kc.loadFromFile(fake.kubeconfig(opts.contexts === undefined ? {} : { contexts: opts.contexts }).path);
  const cluster = new KubeCluster(kc, { now: () => COLLECTED_AT, ...opts.cluster });
  return { fake, cluster };
}

/**
 * A fresh harness for each test of the file, filled in before each; after each, no write reached
 * the API (triage is read-only) and the server is closed.
 */
export function useHarness(opts: Parameters<typeof startHarness>[0] = {}): Harness {
  const h = {} as Harness;
  beforeEach(async () => {
    Object.assign(h, await startHarness(opts));
  });
  afterEach(async () => {
    expect(h.fake.writeAttempts).toEqual([]);
    await h.fake.close();
  });
  return h;
}

/** `GET path?query` lines of what the bot asked, for comparing request plans. */
export function requestLines(fake: FakeKubeApi): string[] {
  return fake.requests.map((r) => `${r.method} ${r.path} ${new URLSearchParams(r.query).toString()}`).sort();
}
