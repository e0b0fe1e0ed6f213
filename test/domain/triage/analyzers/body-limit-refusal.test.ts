// An application server refusing request bodies over its own size limit (Express's body-parser,
// 100kb by default), unchanged for days: the change is a caller's release that sends bigger bodies,
// the Deployment of the namespace whose env names the server's Service and rolled out just before.
import { describe, expect, it } from 'vitest';
import { analyzeBodyLimitRefusal } from '../../../../src/domain/triage/analyzers/body-limit-refusal.js';
import { needsBodyLimitCallers } from '../../../../src/domain/triage/body-limit-refusal.js';
import type { NamespaceRolloutEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, minutesAgo, revision, revisionContainer } from '../scenarios/builders.js';

/** One refusal as body-parser logs it through its error handler: the error, its stack, its fields. */
const refusal = (m: number, bytes: number) => [
  `${minutesAgo(m)} ERROR PayloadTooLargeError: request entity too large`,
  '    at readStream (/srv/node_modules/raw-body/index.js:163:17)',
  '    at jsonParser (/srv/node_modules/body-parser/lib/types/json.js:138:5) {',
  `  expected: ${bytes},`,
  `  length: ${bytes},`,
  '  limit: 102400,',
  "  type: 'entity.too.large'",
  '}',
  `${minutesAgo(m - 0.01)} INFO PUT /v2/invoices/batch 413 2ms`,
  `${minutesAgo(m - 0.5)} INFO PUT /v2/invoices/batch 200 31ms`,
];

function rollout(deployment: string, rev: number, ago: number, env: { name: string; value: string }[]): NamespaceRolloutEvidence {
  const c = (tag: string) => [revisionContainer({ image: `registry.example/${deployment}:${tag}`, env })];
  return { deployment, labels: {}, revisions: [
    revision({ revision: rev, hash: `7f${rev}c9d8b6a` }, minutesAgo(ago), { name: `${deployment}-7f${rev}c9d8b6a`, replicas: 2, containers: c('4.2.0') }),
    revision({ revision: rev - 1, hash: `5d${rev}a7c6e4f` }, minutesAgo(9 * 24 * 60), { name: `${deployment}-5d${rev}a7c6e4f`, replicas: 0, containers: c('4.1.3') }),
  ] };
}

const CALLER = rollout('billing-portal', 31, 45, [{ name: 'PAYMENT_SERVICE_URL', value: 'http://payment-service.payments.svc.cluster.local:80' }]);
const UNRELATED = rollout('report-builder', 9, 41, [{ name: 'WAREHOUSE_DSN', value: 'postgres://warehouse-pg:5432/reports' }]);

function refusing(rollouts: NamespaceRolloutEvidence[], count = 4): TriageEvidence {
  const base = baseEvidence();
  const pods = base.pods.slice(0, 2);
  return baseEvidence({
    pods,
    logs: pods.map((p, k) => ({ pod: p.name, container: 'app', previous: false, lines: Array.from({ length: count }, (_, i) => refusal(40 - i * 8 - k, 150_000 + i * 20_000)).flat() })),
    namespaceRollouts: rollouts,
  });
}

describe('analyzeBodyLimitRefusal', () => {
  it('names the limit and the caller whose env names the Service, rolled out just before, as the likely since', () => {
    const ev = refusing([UNRELATED, CALLER]);
    expect(needsBodyLimitCallers({ ...ev, collectedAt: NOW })).toEqual({ since: minutesAgo(40 + 120) });
    const [f] = analyzeBodyLimitRefusal(ev);
    expect(f?.title).toMatch(/^app refuses request bodies over body-parser's default 100kb \(102400 bytes\): 8 "PayloadTooLargeError: request entity too large" answered 413 in 2 ready pods/);
    expect(f?.title).toMatch(/likely since revision 31 of billing-portal \(45m ago\), a caller whose env names payment-service$/);
    expect(f?.nextAction).toMatch(/express\.json\(\{ limit: "\d+[km]b" \}\)/);
    expect(f?.nextAction).toMatch(/rollout undo deployment\/billing-portal --to-revision=30/);
    expect(f?.datesChange).toBe(true);
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/refuses request bodies over body-parser's default 100kb[^\n]*likely since revision 31 of billing-portal/);
    expect(report.headline).not.toMatch(/no change found|report-builder/);
  });

  it('says "possibly" for the nearest rollout nothing ties, and names no since without one', () => {
    const [untied] = analyzeBodyLimitRefusal(refusing([UNRELATED]));
    expect(untied?.title).toMatch(/possibly since revision 9 of report-builder \(41m ago\), the nearest rollout of the namespace before it, though nothing read ties it to this$/);
    const [none] = analyzeBodyLimitRefusal(refusing([]));
    expect(none?.title).not.toMatch(/since/);
    expect(none?.datesChange).toBeUndefined();
  });

  it('leaves one or two odd bodies alone, and reads no rollouts for them', () => {
    const ev = refusing([CALLER], 1);
    expect(analyzeBodyLimitRefusal(ev)).toEqual([]);
    expect(needsBodyLimitCallers({ ...ev, logs: ev.logs.slice(0, 1), collectedAt: NOW })).toBeUndefined();
    expect(needsBodyLimitCallers({ ...baseEvidence(), collectedAt: NOW })).toBeUndefined();
  });
});
