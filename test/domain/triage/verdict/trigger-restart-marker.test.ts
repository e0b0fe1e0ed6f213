import { describe, expect, it } from 'vitest';
import type { PodTemplateEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import type { Finding } from '../../../../src/domain/triage/finding.js';
import { compareFailingHealthy } from '../../../../src/domain/triage/verdict/differential.js';
import { acquitRollout, findTrigger, rollbackFits } from '../../../../src/domain/triage/verdict/trigger.js';
import { diagnose } from '../../../../src/domain/triage/verdict/diagnose.js';
import { REV6, REV7, baseEvidence, minutesAgo, pod, podName, revision, revisionContainer } from '../scenarios/builders.js';

// A revision whose only template change is a restart or reload marker (a reloader's stamp, a
// rollout restart) runs what ran before: the object its new pods re-read is what changed, and a
// rollback would start pods that read the same object.
const PODS = [podName(REV7.hash, 0)];

function crash(): Finding {
  return {
    id: 'exit-code/app', kind: 'exit-code', title: 'Container app exits with code 1 on 1/4 pods: the file cannot be read', layer: 'container/process', severity: 'critical', confidence: 'high',
    evidence: [], likelyCause: '', nextAction: 'Fix the file format.', fix: 'fix the file format', confirmCommands: [], affected: { pods: PODS },
  };
}

function rollout(): Finding {
  return { id: 'recent-rollout', kind: 'recent-rollout', title: 'Revision 7 rolled out 30m ago, just before the failures', layer: 'rollout/change', severity: 'warning', confidence: 'medium', evidence: [], likelyCause: '', nextAction: 'Roll back to revision 6.', confirmCommands: [] };
}

function template(annotations: Record<string, string>): PodTemplateEvidence {
  return { initContainers: [], imagePullSecrets: [], volumes: [{ name: 'store', source: 'secret', ref: 'app-store' }], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] }, annotations };
}

function evidence(older: Record<string, string>, newer: Record<string, string>, image?: string): TriageEvidence {
  const failing = pod(0, { revisionHash: REV7.hash, createdAt: minutesAgo(30), startTime: minutesAgo(30), ready: false });
  const healthy = [1, 2, 3].map((i) => pod(i, { revisionHash: REV6.hash, createdAt: minutesAgo(9 * 24 * 60) }));
  const base = baseEvidence({ pods: [...healthy, failing] });
  return {
    ...base,
    revisions: [
      revision(REV6, minutesAgo(9 * 24 * 60), { replicas: 3, template: template(older) }),
      revision(REV7, minutesAgo(30), { replicas: 1, template: template(newer), ...(image ? { containers: [revisionContainer({ image })] } : {}) }),
    ],
  };
}

const STAMP = 'reloader.stakater.com/last-reloaded-from';
const from = (hash: string) => `{"type":"SECRET","name":"app-store","hash":"${hash}"}`;

describe('a revision that only stamped a restart marker', () => {
  it('names the Secret the reloader stamped as the change, and offers no rollback', () => {
    const ev = evidence({ [STAMP]: from('aaa111') }, { [STAMP]: from('bbb222') });
    const t = findTrigger(ev, crash(), compareFailingHealthy(ev));
    expect(t.kind).toBe('revision');
    expect(t.text).toMatch(/^Secret app-store changed and was picked up by revision 7, a restart of the same template/);
    expect(rollbackFits(t, compareFailingHealthy(ev))).toBe(false);
    const d = diagnose(ev, [crash()]);
    expect(d?.headline).not.toMatch(/roll ?back to|rollout undo/i);
    expect(d?.action).toMatch(/restore Secret app-store's previous content\); a rollback would not help/);
    const [acquitted] = acquitRollout([rollout()], t, crash());
    expect(acquitted?.severity).toBe('info');
    expect(acquitted?.nextAction).not.toMatch(/roll ?back to/i);
  });

  // A time stamp changes at every restart, content or not: with no edited object found, nothing says what the pods read changed.
  it('says a rollout restart stamp with no edited object found is a restart of the same template, claiming no content change', () => {
    const ev = evidence({ 'kubectl.kubernetes.io/restartedAt': '2026-01-01T00:00:00Z' }, { 'kubectl.kubernetes.io/restartedAt': '2026-01-02T00:00:00Z' });
    const t = findTrigger(ev, crash(), compareFailingHealthy(ev));
    expect(t.text).toMatch(/^revision 7, a restart of the same template \(only its kubectl\.kubernetes\.io\/restartedAt annotation changed, 30m ago\); no edit of the Secrets and ConfigMaps the pods read was found/);
    expect(t.text).not.toMatch(/changed and (were|was) picked up/);
    expect(rollbackFits(t, compareFailingHealthy(ev))).toBe(false);
    const d = diagnose(ev, [crash()]);
    expect(d?.headline).not.toMatch(/roll ?back to|rollout undo|changed and (were|was) picked up/i);
    expect(d?.action).toMatch(/a rollback would not help: it runs the same template/);
    const [acquitted] = acquitRollout([rollout()], t, crash());
    expect(acquitted?.severity).toBe('info');
    expect(`${acquitted?.title} ${acquitted?.likelyCause} ${acquitted?.nextAction}`).not.toMatch(/read .* as changed|roll ?back to/i);
  });

  it('keeps the content claim for a content hash (a chart checksum) with no edited object found', () => {
    const ev = evidence({ 'checksum/config': '0a1b2c3d4e5f' }, { 'checksum/config': 'f5e4d3c2b1a0' });
    const t = findTrigger(ev, crash(), compareFailingHealthy(ev));
    expect(t.text).toMatch(/^a ConfigMap the pods read changed and was picked up by revision 7/);
  });

  it('keeps the rollback when the revision changed more than the marker', () => {
    const ev = evidence({ [STAMP]: from('aaa111') }, { [STAMP]: from('bbb222') }, 'registry.example.com/team/app:9.9.9');
    const t = findTrigger(ev, crash(), compareFailingHealthy(ev));
    expect(t.kind === 'revision' && t.reloaded).toBeUndefined();
    expect(rollbackFits(t, compareFailingHealthy(ev))).toBe(true);
  });
});

// Reloader's default strategy stamps an env var, not an annotation: STAKATER_<NAME>_CONFIGMAP (or
// _SECRET) holding the object's hash. A chart may do the same with a config hash env.
function envEvidence(older: string, newer: string, opts: { name?: string; extra?: { name: string; value: string }; objects?: TriageEvidence['namespaceObjects'] } = {}): TriageEvidence {
  const name = opts.name ?? 'STAKATER_APP_STORE_SECRET';
  const containers = (hash: string, extra?: { name: string; value: string }) => [revisionContainer({ env: [...revisionContainer().env, { name, value: hash }, ...(extra ? [extra] : [])] })];
  const base = evidence({}, {});
  const [older6, newer7] = base.revisions;
  // The pods mount a ConfigMap too, as the template says.
  const config = { name: 'config', source: 'configMap' as const, ref: 'app-config' };
  const withConfig = (r: NonNullable<typeof older6>, hash: string, extra?: { name: string; value: string }) => ({ ...r, containers: containers(hash, extra), template: { ...(r.template as PodTemplateEvidence), volumes: [...(r.template?.volumes ?? []), config] } });
  return {
    ...base,
    pods: base.pods.map((p) => ({ ...p, volumes: [...(p.volumes ?? []), config] })),
    ...(opts.objects ? { namespaceObjects: opts.objects } : {}),
    revisions: [withConfig(older6 as NonNullable<typeof older6>, older), withConfig(newer7 as NonNullable<typeof newer7>, newer, opts.extra)],
  };
}

describe("a revision that only changed a reloader's hash env", () => {
  it('names the Secret the env var stands for, among those the template reads, and offers no rollback', () => {
    const ev = envEvidence('0a1b2c3d4e5f', 'f5e4d3c2b1a0');
    const t = findTrigger(ev, crash(), compareFailingHealthy(ev));
    expect(t.text).toMatch(/^Secret app-store changed and was picked up by revision 7, a restart of the same template \(only container app's env STAKATER_APP_STORE_SECRET changed, 30m ago\)/);
    expect(rollbackFits(t, compareFailingHealthy(ev))).toBe(false);
    expect(diagnose(ev, [crash()])?.headline).not.toMatch(/roll ?back to|rollout undo/i);
  });

  it('names the ConfigMap the pods read that changed just before as the change the restart picked up', () => {
    const edited = { kind: 'ConfigMap' as const, name: 'app-config', createdAt: minutesAgo(400 * 24 * 60), changedAt: minutesAgo(31) };
    const ev = envEvidence('0a1b2c3d4e5f', 'f5e4d3c2b1a0', { name: 'STAKATER_APP_CONFIG_CONFIGMAP', objects: [edited] });
    const t = findTrigger(ev, crash(), compareFailingHealthy(ev));
    expect(t.kind).toBe('object-change');
    expect(t.text).toMatch(/^ConfigMap app-config was changed 31m ago and picked up by revision 7, a restart of the same template \(only container app's env STAKATER_APP_CONFIG_CONFIGMAP changed, 30m ago\)/);
    const d = diagnose(ev, [crash()]);
    expect(d?.headline).not.toMatch(/roll ?back to|rollout undo/i);
    expect(d?.action).toMatch(/a rollback would not help/);
  });

  it('reads a config hash env the same, and keeps the rollback when anything else changed too', () => {
    const chart = envEvidence('0a1b2c3d4e5f', 'f5e4d3c2b1a0', { name: 'CONFIG_CHECKSUM' });
    const hashed = findTrigger(chart, crash(), compareFailingHealthy(chart));
    expect(hashed.text).toMatch(/^a ConfigMap the pods read changed and was picked up by revision 7/);
    const more = envEvidence('0a1b2c3d4e5f', 'f5e4d3c2b1a0', { extra: { name: 'FEATURE_X', value: 'on' } });
    const t = findTrigger(more, crash(), compareFailingHealthy(more));
    expect(t.kind === 'revision' && t.reloaded).toBeUndefined();
    expect(rollbackFits(t, compareFailingHealthy(more))).toBe(true);
  });
});

// A restart may be stamped by hand or by a pipeline rather than by `kubectl rollout restart`: a pod
// label or annotation whose key names a restart (redeployed-on, rollme) or whose value is a date or a
// hash made per deploy. Such a revision runs what ran before; a version label is a real change.
function stampedEvidence(older: { labels?: Record<string, string>; annotations?: Record<string, string> }, newer: { labels?: Record<string, string>; annotations?: Record<string, string> }): TriageEvidence {
  const config = { name: 'config', source: 'configMap' as const, ref: 'app-config' };
  const stamped = (s: { labels?: Record<string, string>; annotations?: Record<string, string> }): PodTemplateEvidence => ({ ...template(s.annotations ?? {}), volumes: [config], labels: { app: 'orders-api', ...s.labels } });
  const base = evidence({}, {});
  const [older6, newer7] = base.revisions as [NonNullable<(typeof base.revisions)[0]>, NonNullable<(typeof base.revisions)[0]>];
  const edited = { kind: 'ConfigMap' as const, name: 'app-config', createdAt: minutesAgo(400 * 24 * 60), changedAt: minutesAgo(32) };
  return {
    ...base,
    pods: base.pods.map((p) => ({ ...p, volumes: [config] })),
    namespaceObjects: [edited],
    revisions: [{ ...older6, template: stamped(older) }, { ...newer7, template: stamped(newer) }],
  };
}

describe('a revision that only changed a restart stamp in a pod label or annotation', () => {
  it('names the ConfigMap edited before a restart stamped in a label, and offers no rollback', () => {
    const ev = stampedEvidence({ labels: { 'redeployed-on': '20260101' } }, { labels: { 'redeployed-on': '20260212-0257' } });
    const t = findTrigger(ev, crash(), compareFailingHealthy(ev));
    expect(t.kind).toBe('object-change');
    expect(t.text).toMatch(/^ConfigMap app-config was changed 32m ago and picked up by revision 7, a restart of the same template \(only its pod label redeployed-on changed, 30m ago\)/);
    const d = diagnose(ev, [crash()]);
    expect(d?.headline).not.toMatch(/roll ?back to|rollout undo/i);
    expect(d?.action).toMatch(/a rollback would not help/);
  });

  it('names the file and line of the edited ConfigMap that the log quotes in the action', () => {
    const ev = stampedEvidence({ labels: { 'redeployed-on': '20260101' } }, { labels: { 'redeployed-on': '20260212-0257' } });
    const mounted = { ...ev, pods: ev.pods.map((p) => ({ ...p, containers: p.containers.map((c) => ({ ...c, volumeMounts: [{ name: 'config', mountPath: '/etc/orders' }] })) })) };
    const parse: Finding = { ...crash(), title: 'Container app exits with code 1 on 1/4 pods — "Error: load config /etc/orders/orders.yaml: yaml: line 7: mapping values are not allowed in this context"', fix: 'fix what the log names' };
    const d = diagnose(mounted, [parse]);
    expect(d?.action).toMatch(/^Fix what the log names — line 7 of orders\.yaml in ConfigMap app-config \(or restore its previous content\); a rollback would not help/);
  });

  it('joins a fix told as a sentence to the restore without a stray period', () => {
    const ev = stampedEvidence({ labels: { 'redeployed-on': '20260101' } }, { labels: { 'redeployed-on': '20260212-0257' } });
    const d = diagnose(ev, [{ ...crash(), fix: 'Read the logs before calling it healthy.' }]);
    expect(d?.action).toMatch(/^Read the logs before calling it healthy \(or restore ConfigMap app-config's previous content\); a rollback/);
  });

  it('reads a stamp by its value: a date, a per-deploy hash, a redeploy key', () => {
    for (const [older, newer] of [
      [{ labels: { stamp: '2026-01-01T10-00-00Z' } }, { labels: { stamp: '2026-02-12T02-57-00Z' } }],
      [{ annotations: { 'ci.example.com/pipeline-sha': '3f9a1c2d' } }, { annotations: { 'ci.example.com/pipeline-sha': '9be0417a' } }],
      [{ annotations: { rollme: 'Xk2pQ' } }, { annotations: { rollme: 'a9TzL' } }],
      [{ labels: {} }, { labels: { 'force-redeploy': '1707706620' } }],
    ] as const) {
      const ev = stampedEvidence(older, newer);
      expect(findTrigger(ev, crash(), compareFailingHealthy(ev)).kind).toBe('object-change');
    }
  });

  it('keeps a version label as a real change', () => {
    for (const [older, newer] of [
      [{ labels: { version: '1.2.3' } }, { labels: { version: '1.2.4' } }],
      [{ labels: { 'app.kubernetes.io/version': '2026.01.01' } }, { labels: { 'app.kubernetes.io/version': '2026.02.12' } }],
    ] as const) {
      const ev = stampedEvidence(older, newer);
      const t = findTrigger(ev, crash(), compareFailingHealthy(ev));
      expect(t.kind).toBe('revision');
      expect(t.kind === 'revision' && t.reloaded).toBeUndefined();
    }
  });
});
