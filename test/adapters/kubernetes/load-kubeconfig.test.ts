import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KubeCluster } from '../../../src/adapters/kubernetes/kube-cluster.js';
import { NO_KUBECONFIG, loadKubeConfig } from '../../../src/adapters/kubernetes/load-kubeconfig.js';
import { RootcauseError } from '../../../src/errors.js';

const dirs: string[] = [];
const home = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'rootcause-home-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const KUBECONFIG = `apiVersion: v1
kind: Config
clusters: [{ name: prod, cluster: { server: "https://127.0.0.1:6443" } }]
users: [{ name: bot, user: { token: t } }]
contexts: [{ name: prod-eu, context: { cluster: prod, user: bot } }]
current-context: prod-eu
`;

describe('loadKubeConfig', () => {
  it('finds nothing without KUBECONFIG, ~/.kube/config or a pod ServiceAccount, and /triage says so at once', async () => {
    const { kc, source } = loadKubeConfig(undefined, { HOME: home() });
    expect(source).toBeUndefined();
    const search = new KubeCluster(kc).findWorkloads({ name: 'payment-service' });
    await expect(search).rejects.toThrow(RootcauseError);
    await expect(search).rejects.toMatchObject({ code: 'USAGE', message: NO_KUBECONFIG, retryable: false });
  });

  it('reads ~/.kube/config when KUBECONFIG is unset', () => {
    const h = home();
    mkdirSync(join(h, '.kube'));
    writeFileSync(join(h, '.kube', 'config'), KUBECONFIG);
    const { kc, source } = loadKubeConfig(undefined, { HOME: h });
    expect(source).toBe(join(h, '.kube', 'config'));
    expect(new KubeCluster(kc).contexts()).toEqual(['prod-eu']);
  });
});
