import { describe, expect, it } from 'vitest';
import { analyzePolicyBundleMissing } from '../../../src/domain/triage/analyzers/policy-bundle-missing.js';
import type { LogEvidence, PodEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { isPolicyAgentImage } from '../../../src/domain/triage/policy-bundle-load.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, pod } from './scenarios/builders.js';

const OPA_IMAGE = 'docker.io/openpolicyagent/opa:0.70.0-static';
const URL = 'http://bundles.policy.svc.cluster.local/bundles/payments/authz.tar.gz';
const opaLine = (msg: string) => JSON.stringify({ level: 'info', msg, time: '2026-11-21T03:10:00Z' });
const failedLoad = JSON.stringify({ level: 'error', msg: `Bundle load failed: request failed: Get "${URL}": dial tcp: lookup bundles.policy.svc.cluster.local on 172.20.0.10:53: no such host`, name: 'authz', plugin: 'bundle', time: '2026-11-21T03:12:00Z' });
const started = [opaLine('Initializing server.'), opaLine('Starting bundle loader.')];
const deny = (i: number) => [
  JSON.stringify({ level: 'warn', msg: 'request denied by policy', path: `/v1/payments/${i}`, reason: 'decision undefined, default deny' }),
  JSON.stringify({ level: 'info', msg: 'request', path: `/v1/payments/${i}`, status: 403 }),
];
const allow = (i: number) => [JSON.stringify({ level: 'info', msg: 'request', path: `/v1/payments/${i}`, status: 200 })];

function scenario(opaLines: string[], appLines: string[]): TriageEvidence {
  const pods: PodEvidence[] = [0, 1].map((i) => pod(i, {
    containers: [container(), container({ name: 'opa', image: OPA_IMAGE, volumeMounts: [{ name: 'opa-config', mountPath: '/config', readOnly: true }] })],
    volumes: [{ name: 'opa-config', source: 'configMap', ref: 'payments-opa-config' }],
  }));
  const logs: LogEvidence[] = pods.flatMap((p) => [
    { pod: p.name, container: 'app', previous: false, lines: appLines },
    { pod: p.name, container: 'opa', previous: false, lines: opaLines },
  ]);
  return baseEvidence({ pods, logs });
}

describe('an OPA sidecar that never loaded its policy bundle', () => {
  it('knows the OPA image, not other images named like it', () => {
    expect(isPolicyAgentImage(OPA_IMAGE)).toBe(true);
    expect(isPolicyAgentImage('openpolicyagent/opa-envoy-plugin:0.70.0-envoy')).toBe(true);
    expect(isPolicyAgentImage('docker.io/library/nginx:1.27')).toBe(false);
    expect(isPolicyAgentImage('acme/opal-client:1.0')).toBe(false);
  });

  it('is named as the bundle download failure with its address and ConfigMap, every request denied, and no rollback', () => {
    const ev = scenario([...started, failedLoad, failedLoad, failedLoad], [0, 1, 2, 3].flatMap(deny));
    const [f] = analyzePolicyBundleMissing(ev);
    expect(f?.title).toMatch(/bundle download fails \(no such host for bundles\.policy\.svc\.cluster\.local; .*ConfigMap payments-opa-config\).*403/);
    expect(f?.evidence.join('\n')).toContain(URL);
    expect(f?.outsideWorkload).toBeDefined();
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/bundle/i);
    expect(report.headline).toMatch(/no such host/);
    expect(report.headline).not.toMatch(/roll(ing)? ?back|rollout undo/i);
  });

  it('stays quiet when the bundle activated, on a single failed poll, or while the app still allows most requests', () => {
    const activated = opaLine('Bundle loaded and activated successfully.');
    expect(analyzePolicyBundleMissing(scenario([...started, activated, failedLoad, failedLoad], [0, 1].flatMap(deny)))).toEqual([]);
    expect(analyzePolicyBundleMissing(scenario([...started, failedLoad], [0, 1].flatMap(deny)))).toEqual([]);
    // A sidecar that loaded the policy before its tail began serves from memory: the app allows.
    expect(analyzePolicyBundleMissing(scenario([failedLoad, failedLoad], [...deny(1), ...[2, 3, 4, 5, 6].flatMap(allow)]))).toEqual([]);
  });
});
