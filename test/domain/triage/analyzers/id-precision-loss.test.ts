// A consumer whose lookups fail on ids past 2^53 that a floating-point JSON parse rounded: the ids
// changed, not the consumer, so the service it looks them up at (its env names that Service) and
// whose release began to issue larger ids is the since.
import { describe, expect, it } from 'vitest';
import { analyzeIdPrecisionLoss } from '../../../../src/domain/triage/analyzers/id-precision-loss.js';
import { findRoundedIds, needsIdIssuerRollouts } from '../../../../src/domain/triage/id-precision-loss.js';
import type { NamespaceRolloutEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, minutesAgo, revision, revisionContainer } from '../scenarios/builders.js';

const epoch = (m: number) => Date.parse(minutesAgo(m));
/** Rounded as a double prints them: 17 significant digits, then zeros. */
const ROUNDED = ['7301264419055382500', '7301264420110094300', '7301264421337561000'];
const EXACT = ['7301264419055382529', '7301264420110094337', '7301264421337561091'];

const failing = (ids: readonly string[], quoted = false) => (m: number, i: number) => {
  const id = ids[i % ids.length] ?? '';
  const v = quoted ? `"${id}"` : id;
  return `{"level":50,"time":${epoch(m)},"msg":"invoice not found, skipping","invoiceId":${v},"status":404}`;
};

function rollout(deployment: string, rev: number, ago: number, env: { name: string; value: string }[], labels: Record<string, string>): NamespaceRolloutEvidence {
  const c = (e: typeof env) => [revisionContainer({ image: `registry.example/${deployment}:${rev}`, env: e })];
  return { deployment, labels, revisions: [
    revision({ revision: rev, hash: `7f${rev}c9d8b6a` }, minutesAgo(ago), { name: `${deployment}-7f${rev}c9d8b6a`, replicas: 2, containers: c([...env, { name: 'ID_SCHEME', value: 'int64' }]) }),
    revision({ revision: rev - 1, hash: `5d${rev}a7c6e4f` }, minutesAgo(30 * 24 * 60), { name: `${deployment}-5d${rev}a7c6e4f`, replicas: 0, containers: c(env) }),
  ] };
}

const ISSUER = rollout('billing-api', 8, 95, [], { app: 'billing-api' });
const UNRELATED = rollout('report-builder', 3, 80, [], { app: 'report-builder' });

function consumer(lines: (m: number, i: number) => string, rollouts: NamespaceRolloutEvidence[]): TriageEvidence {
  const base = baseEvidence();
  const pods = base.pods.slice(0, 2).map((p) => ({ ...p, containers: p.containers.map((c) => ({ ...c, env: [{ name: 'BILLING_URL', value: 'http://billing-api.payments.svc.cluster.local:8080' }] })) }));
  return baseEvidence({
    pods,
    services: [...base.services, { name: 'billing-api', type: 'ClusterIP', selector: { app: 'billing-api' }, ports: [] }],
    logs: pods.map((p, k) => ({ pod: p.name, container: 'app', previous: false, lines: [
      `{"level":30,"time":${epoch(200)},"msg":"invoice mailed","invoiceId":51234417}`,
      ...Array.from({ length: 4 }, (_, i) => lines(80 - i * 10 - k, i + k)),
    ] })),
    namespaceRollouts: rollouts,
  });
}

describe('analyzeIdPrecisionLoss', () => {
  it('reads rounded bare ids past 2^53 and names the service whose Service the workload addresses as the likely since', () => {
    const ev = consumer(failing(ROUNDED), [UNRELATED, ISSUER]);
    expect(needsIdIssuerRollouts({ ...ev, collectedAt: NOW })).toEqual({ since: minutesAgo(80 + 120) });
    const [f] = analyzeIdPrecisionLoss(ev);
    expect(f?.title).toMatch(/^payment-service gets ids past 2\^53 rounded by a floating-point JSON parse: 8 lines with invoiceId values like 7301264\d+00 /);
    expect(f?.title).toMatch(/likely since revision 8 of billing-api \(1h 35m ago: app env added ID_SCHEME = "int64"\), the service whose ids it looks up$/);
    expect(f?.likelyCause).toMatch(/were below 2\^53 \(51234417\)/);
    expect(f?.nextAction).toMatch(/rollout undo deployment\/billing-api --to-revision=7/);
    expect(f?.nextAction).toMatch(/replay what failed meanwhile/);
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/ids past 2\^53[^\n]*likely since revision 8 of billing-api/);
    expect(report.headline).not.toMatch(/no change found|report-builder/);
  });

  it('leaves exact 64-bit ids and quoted ids alone: nothing rounded them', () => {
    const pods = baseEvidence().pods;
    for (const ev of [consumer(failing(EXACT), [ISSUER]), consumer(failing(ROUNDED, true), [ISSUER])]) {
      expect(findRoundedIds(ev.logs, pods, NOW)).toBeUndefined();
      expect(analyzeIdPrecisionLoss(ev)).toEqual([]);
    }
  });
});
