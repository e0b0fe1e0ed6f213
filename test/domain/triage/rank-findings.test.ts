import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/domain/triage/finding.js';
import { rankFindings } from '../../../src/domain/triage/rank-findings.js';

function finding(over: Partial<Finding> & Pick<Finding, 'id' | 'kind'>): Finding {
  return {
    title: over.id,
    layer: 'container/process',
    severity: 'warning',
    confidence: 'high',
    evidence: [],
    likelyCause: '',
    nextAction: '',
    confirmCommands: [],
    ...over,
  };
}

const pods = ['p-1', 'p-2', 'p-3'];

describe('rankFindings', () => {
  it('orders by severity first, then confidence', () => {
    const ranked = rankFindings([
      finding({ id: 'a', kind: 'hpa', severity: 'info', layer: 'capacity' }),
      finding({ id: 'b', kind: 'exit-code', severity: 'warning', confidence: 'medium', affected: { pods: ['x'] } }),
      finding({ id: 'c', kind: 'oom-killed', severity: 'critical', affected: { pods: ['y'] } }),
      finding({ id: 'd', kind: 'image-pull', severity: 'warning', confidence: 'high', layer: 'runtime/probes', affected: { pods: ['z'] } }),
    ]);
    expect(ranked.map((f) => f.id)).toEqual(['c', 'd', 'b', 'a']);
  });

  it("puts a process's own blocked event loop before the dependency and probe timeouts it causes, and load before the blocked loop", () => {
    const ranked = rankFindings([
      finding({ id: 'dependency-error/timeout/pricing-api:8080', kind: 'dependency-error', severity: 'critical', confidence: 'medium', layer: 'network/routing', affected: { pods } }),
      finding({ id: 'readiness-probe/app', kind: 'readiness-probe', severity: 'critical', layer: 'runtime/probes', affected: { pods } }),
      finding({ id: 'event-loop-blocked/app', kind: 'event-loop-blocked', severity: 'critical', affected: { pods } }),
    ]);
    expect(ranked[0]?.id).toBe('event-loop-blocked/app');
    expect(ranked.find((f) => f.kind === 'dependency-error')?.explainedBy).toEqual(['event-loop-blocked/app']);
    const loaded = rankFindings([finding({ id: 'event-loop-blocked/app', kind: 'event-loop-blocked', affected: { pods } }), finding({ id: 'replica-fight/app', kind: 'replica-fight', layer: 'capacity', affected: { pods } })]);
    expect(loaded.find((f) => f.kind === 'event-loop-blocked')?.explainedBy).toEqual(['replica-fight/app']);
  });

  it('puts an in-cluster NFS server that is down before the timeouts and failing probes of the pods hung on its share', () => {
    const ranked = rankFindings([
      finding({ id: 'dependency-error/timeout/unknown', kind: 'dependency-error', severity: 'critical', confidence: 'medium', layer: 'network/routing', affected: { pods: ['p-2', 'p-3'] } }),
      finding({ id: 'readiness-probe/app/timeout', kind: 'readiness-probe', severity: 'critical', layer: 'runtime/probes', affected: { pods: ['p-2', 'p-3'] } }),
      finding({ id: 'volume-server-down/nfs-server', kind: 'volume-server-down', severity: 'critical', layer: 'storage', affected: { pods } }),
    ]);
    expect(ranked[0]?.id).toBe('volume-server-down/nfs-server');
    expect(ranked.find((f) => f.kind === 'dependency-error')?.explainedBy).toEqual(['volume-server-down/nfs-server']);
    expect(ranked.find((f) => f.kind === 'readiness-probe')?.explainedBy).toContain('volume-server-down/nfs-server');
  });

  it('folds a crash loop into the exit-code finding that explains all its pods', () => {
    const ranked = rankFindings([
      finding({ id: 'crash-loop/app', kind: 'crash-loop', title: 'CrashLoopBackOff on 3/5 pods', severity: 'critical', affected: { pods } }),
      finding({ id: 'exit-code/app-error/app', kind: 'exit-code', severity: 'warning', confidence: 'medium', affected: { pods } }),
    ]);
    expect(ranked).toHaveLength(1);
    expect(ranked[0]?.id).toBe('exit-code/app-error/app');
    expect(ranked[0]?.explains).toEqual(['CrashLoopBackOff on 3/5 pods']);
    expect(ranked[0]?.severity).toBe('critical');
  });

  it('keeps a symptom that its causes explain only in part', () => {
    const ranked = rankFindings([
      finding({ id: 'crash-loop/app', kind: 'crash-loop', affected: { pods } }),
      finding({ id: 'oom-killed/app', kind: 'oom-killed', affected: { pods: ['p-1'] } }),
    ]);
    expect(ranked.map((f) => f.id).sort()).toEqual(['crash-loop/app', 'oom-killed/app']);
  });

  it('folds a symptom covered by several causes together', () => {
    const ranked = rankFindings([
      finding({ id: 'crash-loop/app', kind: 'crash-loop', title: 'loop', affected: { pods } }),
      finding({ id: 'oom-killed/app', kind: 'oom-killed', affected: { pods: ['p-1', 'p-2'] } }),
      finding({ id: 'exit-code/app-error/app', kind: 'exit-code', affected: { pods: ['p-3'] } }),
    ]);
    expect(ranked.map((f) => f.id)).not.toContain('crash-loop/app');
  });

  it('ranks a NotReady node above the probe failures of its pods, lifting it to their severity', () => {
    const ranked = rankFindings([
      finding({ id: 'readiness-probe/app', kind: 'readiness-probe', layer: 'runtime/probes', severity: 'critical', affected: { pods: ['p-1', 'p-2'], nodes: ['n-3'] } }),
      finding({ id: 'node-condition/n-3', kind: 'node-condition', layer: 'node/eviction', severity: 'warning', affected: { pods: ['p-1', 'p-2'], nodes: ['n-3'] } }),
    ]);
    expect(ranked.map((f) => f.id)).toEqual(['node-condition/n-3', 'readiness-probe/app']);
    expect(ranked[0]?.severity).toBe('critical');
    expect(ranked[1]?.explainedBy).toEqual(['node-condition/n-3']);
  });

  it('puts the mechanism first, through a chain, and the rollout that triggered it after: a change is the "since", not the "what"', () => {
    const ranked = rankFindings([
      finding({ id: 'exit-code/app', kind: 'exit-code', severity: 'critical', confidence: 'medium', affected: { pods } }),
      finding({ id: 'dependency-error/db', kind: 'dependency-error', layer: 'network/routing', severity: 'critical', affected: { pods } }),
      finding({ id: 'recent-rollout/7', kind: 'recent-rollout', layer: 'rollout/change', severity: 'critical', affected: { pods } }),
    ]);
    expect(ranked.map((f) => f.id)).toEqual(['dependency-error/db', 'exit-code/app', 'recent-rollout/7']);
    expect(ranked[1]?.explainedBy).toEqual(['dependency-error/db']);
  });

  it('puts a CronJob\'s failed newest run before the missing success it explains', () => {
    const ranked = rankFindings([
      finding({ id: 'cron-no-success/export', kind: 'cron-no-success', severity: 'critical', confidence: 'high' }),
      finding({ id: 'job-failed/export-29920500', kind: 'job-failed', severity: 'critical', confidence: 'medium', affected: { pods: ['export-29920500-x2kqj'] } }),
    ]);
    expect(ranked.map((f) => f.id)).toEqual(['job-failed/export-29920500', 'cron-no-success/export']);
    expect(ranked[1]?.explainedBy).toEqual(['job-failed/export-29920500']);
  });

  it('leads with what the pods report over a node condition that explains none of it', () => {
    // The payment-service story: revision 5 halved the memory limit and the pod is OOMKilled at it;
    // the node the pod runs on also has MemoryPressure, which does not explain an OOM at the limit.
    const ranked = rankFindings([
      finding({ id: 'node-condition/node-b', kind: 'node-condition', layer: 'node/eviction', affected: { nodes: ['node-b'], pods: ['p-2'] } }),
      finding({ id: 'recent-rollout/5', kind: 'recent-rollout', layer: 'rollout/change', affected: { pods: ['p-2'] } }),
      finding({ id: 'oom-killed/app', kind: 'oom-killed', affected: { pods: ['p-2'] } }),
    ]);
    expect(ranked.map((f) => f.id)).toEqual(['oom-killed/app', 'node-condition/node-b', 'recent-rollout/5']);
  });

  it('still folds the symptoms into a rollout when no mechanism was found', () => {
    const ranked = rankFindings([
      finding({ id: 'crash-loop/app', kind: 'crash-loop', severity: 'critical', affected: { pods } }),
      finding({ id: 'recent-rollout/7', kind: 'recent-rollout', layer: 'rollout/change', affected: { pods } }),
    ]);
    expect(ranked.map((f) => f.id)).toEqual(['recent-rollout/7']);
    expect(ranked[0]?.severity).toBe('critical');
  });

  it('never lets a low-confidence hunch push a fact down or absorb it', () => {
    const ranked = rankFindings([
      finding({ id: 'crash-loop/app', kind: 'crash-loop', severity: 'critical', affected: { pods } }),
      finding({ id: 'recent-rollout/7', kind: 'recent-rollout', layer: 'rollout/change', confidence: 'low', affected: { pods } }),
    ]);
    expect(ranked.map((f) => f.id)).toEqual(['crash-loop/app', 'recent-rollout/7']);
    expect(ranked[0]?.explainedBy).toBeUndefined();
  });

  it('puts a fight over spec.replicas before the probe timeouts of the replicas it leaves saturated', () => {
    const ranked = rankFindings([
      finding({ id: 'readiness-probe/app/flapping', kind: 'readiness-probe', severity: 'warning', layer: 'runtime/probes', affected: { pods: ['p-1', 'p-2'] } }),
      finding({ id: 'replica-fight/app', kind: 'replica-fight', severity: 'warning', confidence: 'medium', layer: 'capacity', affected: { pods } }),
    ]);
    expect(ranked.map((f) => f.id)).toEqual(['replica-fight/app', 'readiness-probe/app/flapping']);
    expect(ranked[1]?.explainedBy).toEqual(['replica-fight/app']);
  });

  it('puts an HPA held back by its scale-up policy before the timeouts and probe failures of the replicas it leaves saturated', () => {
    const ranked = rankFindings([
      finding({ id: 'dependency-error/timeout/unknown', kind: 'dependency-error', severity: 'critical', confidence: 'medium', layer: 'network/routing', affected: { pods: ['p-1', 'p-2'] } }),
      finding({ id: 'readiness-probe/app/timeout', kind: 'readiness-probe', severity: 'critical', layer: 'runtime/probes', affected: { pods: ['p-1', 'p-2'] } }),
      finding({ id: 'hpa-scale-up-limit/app', kind: 'hpa-scale-up-limit', severity: 'warning', layer: 'capacity', affected: { pods } }),
    ]);
    expect(ranked[0]?.id).toBe('hpa-scale-up-limit/app');
    expect(ranked[0]?.severity).toBe('critical');
    expect(ranked.find((f) => f.id === 'dependency-error/timeout/unknown')?.explainedBy).toEqual(['hpa-scale-up-limit/app']);
  });

  it('puts an HPA that may not scale up before the ingress timing out on its saturated replicas\' answers', () => {
    const ranked = rankFindings([
      finding({ id: 'ingress-upstream/shop-product-api-80', kind: 'ingress-upstream', severity: 'critical', layer: 'network/routing', affected: { services: ['shop-product-api-80'] } }),
      finding({ id: 'hpa-scale-up-limit/app', kind: 'hpa-scale-up-limit', severity: 'warning', layer: 'capacity', affected: { pods, services: ['shop-product-api-80'] } }),
    ]);
    expect(ranked[0]?.id).toBe('hpa-scale-up-limit/app');
    expect(ranked[1]?.explainedBy).toEqual(['hpa-scale-up-limit/app']);
  });

  it('does not relate findings about different pods', () => {
    const ranked = rankFindings([
      finding({ id: 'node-condition/n-1', kind: 'node-condition', layer: 'node/eviction', affected: { pods: ['p-9'], nodes: ['n-1'] } }),
      finding({ id: 'crash-loop/app', kind: 'crash-loop', affected: { pods, nodes: ['n-2'] } }),
    ]);
    expect(ranked).toHaveLength(2);
    expect(ranked.every((f) => f.explains === undefined && f.explainedBy === undefined)).toBe(true);
  });

  it('merges findings with the same id', () => {
    const ranked = rankFindings([
      finding({ id: 'x', kind: 'exit-code', evidence: ['a'], affected: { pods: ['p-1'] } }),
      finding({ id: 'x', kind: 'exit-code', evidence: ['a', 'b'], severity: 'critical', affected: { pods: ['p-2'] } }),
    ]);
    expect(ranked).toHaveLength(1);
    expect(ranked[0]).toMatchObject({ evidence: ['a', 'b'], severity: 'critical', affected: { pods: ['p-1', 'p-2'] } });
  });

  it('does not modify its input', () => {
    const input = [finding({ id: 'crash-loop/app', kind: 'crash-loop', affected: { pods } }), finding({ id: 'e', kind: 'exit-code', severity: 'info', affected: { pods } })];
    const copy = structuredClone(input);
    rankFindings(input);
    expect(input).toEqual(copy);
  });
});
