// An Elasticsearch (or OpenSearch) cluster at its open-shard limit: it refuses to create an index
// (validation_exception "this action would add [n] shards, but this cluster currently has
// [open]/[max] maximum shards open"), so the client that writes to a new daily index fails every
// write, buffers, and at last reports unready. The readiness failure is the consequence; the
// refusal, with its numbers, is the cause.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, NS, baseEvidence, container, event, minutesAgo, pod, workload } from '../scenarios/builders.js';

const REASON = 'Validation Failed: 1: this action would add [4] shards, but this cluster currently has [1999]/[2000] maximum normal shards open;';
const refused = (m: number) => JSON.stringify({ level: 'error', ts: minutesAgo(m), msg: 'index creation failed', index: 'events-2026.11.21', error: `PUT /events-2026.11.21: 400 ${JSON.stringify({ error: { type: 'validation_exception', reason: REASON }, status: 400 })}` });
const spooled = (m: number) => JSON.stringify({ level: 'error', ts: minutesAgo(m), msg: 'buffer full, dropping batch', docs: 1000 });
const OPENSEARCH = '[2026-11-21T02:10:00,000][WARN ][o.o.c.a.i.c.MetadataCreateIndexService] failed: Validation Failed: 1: this action would add [10] total shards, but this cluster currently has [995]/[1000] maximum shards open;';

function scenario(lines: string[] = [refused(40), spooled(39), refused(20), spooled(19), refused(1), spooled(0.5)], env = [{ name: 'ELASTICSEARCH_URL', value: 'https://search-es.payments.svc:9200' }]): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { ready: false, containers: [container({ env, ready: false })] }));
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: 2, replicas: 2, readyReplicas: 0, availableReplicas: 0 }),
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })),
    events: pods.map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', count: 120, firstSeen: minutesAgo(30), lastSeen: minutesAgo(0.2) })),
  });
}

describe('an Elasticsearch cluster at its open-shard limit', () => {
  it('names the limit, its numbers and the index refused, and says to delete or close indices or raise cluster.max_shards_per_node', () => {
    const [f] = analyzeDependencyRefusals(scenario());
    expect(f?.title).toMatch(/^Elasticsearch search-es refuses new indices: it is at its open-shard limit/);
    expect(f?.title).toContain('1999/2000 shards open');
    expect(f?.title).toContain('events-2026.11.21');
    expect(f?.likelyCause).toMatch(/cluster\.max_shards_per_node/);
    expect(f?.fix).toMatch(/delete or close[^\n]*indices/);
    expect(f?.fix).toMatch(/cluster\.max_shards_per_node/);
  });

  it('reads OpenSearch\'s wording ("total shards", "maximum shards open") alike', () => {
    const [f] = analyzeDependencyRefusals(scenario([OPENSEARCH, OPENSEARCH]));
    expect(f?.title).toMatch(/open-shard limit \(995\/1000 shards open, this index would add 10\)/);
  });

  it('explains the pods\' readiness failure by the refusal, not by the readiness endpoint', () => {
    const report = buildTriageReport(scenario(), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/^Elasticsearch search-es refuses new indices: it is at its open-shard limit \(1999\/2000 shards open/);
    expect(report.headline).toMatch(/max_shards_per_node/);
    expect(report.headline).not.toMatch(/Fix what the readiness endpoint reports/);
  });
});
