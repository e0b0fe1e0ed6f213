// A crash line that reports a setting read as a boolean ("…allowed_countries: False"): the ConfigMap
// the pods mount is got, once, and only the lines under that setting holding a bare YAML 1.1 boolean
// word are kept (never the rest of its data, never a Secret). Nothing is got while no line says so.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, configMap, container, crashLoop, deploymentApp, nameOf, threeNodes } from '../../triage-corpus/kit/index.js';
import { useHarness } from './harness.js';

const h = useHarness();
const NS = 'compliance';
const target = { service: 'kyc', namespace: NS, kind: 'Deployment' as const, name: 'kyc' };
const SETTINGS = ['screening:', '  api_key: secret-token-abc', '  allowed_countries:', '    - DE', '    - NO', '    - SE', ''].join('\n');

function cluster(crashLine: string) {
  const app = deploymentApp({
    namespace: NS,
    name: 'kyc',
    replicas: 1,
    revisions: [{ revision: 3, createdAgo: 30 * DAYS, template: { containers: [container({ image: 'kyc:1.0', ports: [8000], volumeMounts: [{ name: 'settings', mountPath: '/etc/kyc' }] })], volumes: [{ name: 'certs', secret: { secretName: 'kyc-tls' } }, { name: 'settings', configMap: { name: 'kyc-config' } }] } }],
    pods: [{ revision: 3, node: NODE_A, createdAgo: 30 * DAYS, containers: { app: crashLoop({ exitCode: 3, finishedAgo: 1, ranSeconds: 3 }, 5) } }],
  });
  const cm = configMap({ namespace: NS, name: 'kyc-config', createdAgo: 30 * DAYS, data: { 'settings.yaml': SETTINGS } });
  for (const x of [...threeNodes(), ...app.objects, cm]) h.fake.add(x);
  const [p] = app.pods;
  if (p !== undefined) h.fake.setLogs(NS, nameOf(p), 'app', { previous: `Traceback (most recent call last):\n${crashLine}\n`, current: '' });
}

const configReads = () => h.fake.requests.filter((r) => /\/configmaps\/[^/?]+/.test(r.path)).map((r) => r.path);
const secretReads = () => h.fake.requests.filter((r) => r.path.includes('/secrets'));

describe('the ConfigMap of pods whose crash line reads a setting as a boolean', () => {
  it('gets the ConfigMap the pod mounts and keeps only the bare boolean lines under the setting', async () => {
    cluster('kyc.config.ConfigError: invalid country code in screening.allowed_countries: False (expected ISO 3166-1 alpha-2)');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([`/api/v1/namespaces/${NS}/configmaps/kyc-config`]);
    expect(secretReads()).toEqual([]);
    expect(ev.yamlBooleans).toEqual([{ configMap: 'kyc-config', key: 'settings.yaml', setting: 'screening.allowed_countries', value: false, lines: ['- NO'] }]);
    expect(JSON.stringify(ev)).not.toContain('secret-token-abc');
  });

  it('gets no ConfigMap when the crash line names no boolean', async () => {
    cluster('kyc.config.ConfigError: invalid country code in screening.allowed_countries: XX (expected ISO 3166-1 alpha-2)');
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(configReads()).toEqual([]);
    expect(ev.yamlBooleans).toBeUndefined();
  });
});
