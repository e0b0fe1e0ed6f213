// The workload answers 404 for what it created a moment before, while its reads go through an env
// var named for a replica: the read side lags the writes. The pods are ready and a 404 is no error
// line, so without this reading the triage called it healthy.
import { describe, expect, it } from 'vitest';
import { analyzeReadAfterWrite } from '../../../../src/domain/triage/analyzers/read-after-write.js';
import { findReadAfterWriteMisses, findReadRoute } from '../../../../src/domain/triage/read-after-write.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, baseEvidence, container, minutesAgo, pod } from '../scenarios/builders.js';

const epoch = (m: number): number => Date.parse(minutesAgo(m));
const lines = Array.from({ length: 5 }, (_, i) => {
  const id = `inv_${(88_100 + i).toString(36)}`;
  return [
    `{"level":30,"time":${epoch(30 - i)},"req":{"method":"POST","url":"/v2/invoices"},"res":{"statusCode":201},"invoiceId":"${id}","msg":"request completed"}`,
    `{"level":40,"time":${epoch(30 - i - 0.01)},"req":{"method":"GET","url":"/v2/invoices/${id}"},"res":{"statusCode":404},"msg":"request completed"}`,
  ];
}).flat();

function scenario(opts: { lines?: string[]; keys?: string[] } = {}): TriageEvidence {
  const pods = [0, 1, 2, 3, 4].map((i) => pod(i, { containers: [container({ envFrom: [{ kind: 'configMap', name: 'billing-api-config' }] })] }));
  return baseEvidence({
    pods,
    logs: pods.slice(0, 2).map((p) => ({ pod: p.name, container: 'app', previous: false, lines: opts.lines ?? lines })),
    namespaceObjects: [{ kind: 'ConfigMap', name: 'billing-api-config', createdAt: minutesAgo(90_000), changedAt: minutesAgo(52), keys: opts.keys ?? ['DATABASE_URL', 'READ_DATABASE_URL', 'POOL_MAX'] }],
  });
}

describe('reads that miss what was just written', () => {
  it('pairs a 404 with the create of the same id just before it', () => {
    expect(findReadAfterWriteMisses(scenario().logs, scenario().pods)).toHaveLength(10);
    expect(findReadRoute(scenario().pods, scenario().namespaceObjects)).toEqual({ env: 'READ_DATABASE_URL', configMap: 'billing-api-config', changedAt: minutesAgo(52) });
  });

  it('turns an all-clear into stale reads from a lagging replica, dated by the ConfigMap that routes them', () => {
    const report = buildTriageReport(scenario(), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/read-after-write/);
    expect(report.headline).toMatch(/READ_DATABASE_URL from ConfigMap billing-api-config, changed 52m ago/);
  });

  it('says nothing of 404s for ids never created here, nor without a read route', () => {
    const unrelated = lines.map((l) => l.replace(/\/v2\/invoices\/inv_\w+/, '/v2/invoices/unknown'));
    expect(analyzeReadAfterWrite(scenario({ lines: unrelated }))).toEqual([]);
    expect(analyzeReadAfterWrite(scenario({ keys: ['DATABASE_URL'] }))).toEqual([]);
  });
});
