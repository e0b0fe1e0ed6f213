// An indexer whose bulk items Elasticsearch refuses with mapper_parsing_exception ("failed to parse
// field [x] of type [long]") and that drops them: documents are lost while every pod is Ready. The
// mapping did not change; a producer started sending another type in the field. The verdict names
// the field, its type and the drops, and the sender's rollout — in the namespace or in another one
// the lines or the consumer's channel name — with the way back; with no sender found it still names
// the mapping conflict and says to find the producer of that field.
import { describe, expect, it } from 'vitest';
import { analyzeIndexMappingConflict } from '../../../../src/domain/triage/analyzers/index-mapping-conflict.js';
import type { RolloutRevisionEvidence, SenderRolloutEvidence } from '../../../../src/domain/triage/evidence.js';
import { readMappingConflictLine } from '../../../../src/domain/triage/index-mapping-conflict.js';
import { listSenderNamespaces } from '../../../../src/domain/triage/sender-namespaces.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { baseEvidence, container, minutesAgo, pod, revisionContainer } from '../scenarios/builders.js';

const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };
const json = (o: Record<string, unknown>): string => JSON.stringify(o);
const refused = (m: number, i: number, source = '/shop/order-api'): string => json({
  level: 'error', time: minutesAgo(m), index: 'orders-v3', doc_id: `o-${i}`, status: 400,
  error: { type: 'mapper_parsing_exception', reason: `failed to parse field [customer_id] of type [long] in document with id 'o-${i}'. Preview of field's value: 'cus_${i}A'` },
  source, message: 'bulk item rejected, document skipped',
});
const topic = { name: 'EVENTS_TOPIC', value: 'shop.order-events' };

function rev(revision: number, createdAt: string, image: string, env: { name: string; value: string }[] = []): RolloutRevisionEvidence {
  return { revision, name: `x-${revision}`, hash: `h${revision}`, createdAt, replicas: 2, containers: [revisionContainer({ image, env })] };
}

const sender = (over: Partial<SenderRolloutEvidence> = {}): SenderRolloutEvidence => ({
  namespace: 'shop', deployment: 'order-api', labels: { app: 'order-api' },
  revisions: [rev(31, minutesAgo(130), 'registry.example.com/order-api:3.0.0', [topic]), rev(30, minutesAgo(20 * 24 * 60), 'registry.example.com/order-api:2.9.4', [topic])],
  ...over,
});

function scenario(o: { lines: string[]; senders?: SenderRolloutEvidence[] }) {
  const pods = [0, 1, 2].map((i) => pod(i, { containers: [container({ env: [{ name: 'KAFKA_TOPIC', value: 'shop.order-events' }] })] }));
  return baseEvidence({
    pods,
    logs: pods.slice(0, 2).map((p) => ({ pod: p.name, container: 'app', previous: false, lines: o.lines })),
    ...(o.senders ? { senderRollouts: o.senders } : {}),
  });
}

const lines = [5, 4, 3, 2].map((m, i) => refused(m, i));

describe('documents a search index refuses for its mapping', () => {
  it('reads the field and its type from Elasticsearch 7 and 8 and a strict mapping, and nothing from other 400s', () => {
    expect(readMappingConflictLine(lines[0] ?? '')).toMatchObject({ field: 'customer_id', type: 'long', index: 'orders-v3', value: 'cus_0A' });
    expect(readMappingConflictLine('ERROR bulk item failed: document_parsing_exception: [1:42] failed to parse field [price] of type [float] in document with id \'9\'')).toMatchObject({ field: 'price', type: 'float' });
    expect(readMappingConflictLine('strict_dynamic_mapping_exception: [1:9] mapping set to strict, dynamic introduction of [coupon] within [_doc] is not allowed')).toMatchObject({ field: 'coupon', type: 'strict' });
    expect(readMappingConflictLine('version_conflict_engine_exception: [o-1]: version conflict, document already exists')).toBeUndefined();
  });

  it('names the namespaces a source path, a Service name or the channel prefix names, never its own', () => {
    const containers = [{ env: [{ name: 'KAFKA_TOPIC', value: 'catalog.item-events' }] }];
    expect(listSenderNamespaces({ lines: [refused(1, 1)], containers, namespace: 'search' })).toEqual(['shop', 'catalog']);
    expect(listSenderNamespaces({ lines: ['failed: http://x-api.billing.svc:8080'], containers: [], namespace: 'search' })).toEqual(['billing']);
    expect(listSenderNamespaces({ lines: [refused(1, 1, '/search/x')], containers: [{ env: [{ name: 'QUEUE', value: 'kube-system.q' }] }], namespace: 'search' })).toEqual([]);
  });

  it('names the mapping conflict, the drops and the sender in another namespace with its revision, and never rolls the indexer back', () => {
    const ev = scenario({ lines, senders: [sender()] });
    const [f] = analyzeIndexMappingConflict(ev);
    expect(f?.title).toMatch(/mapper_parsing_exception: failed to parse field \[customer_id\] of type \[long\]/);
    expect(f?.title).toMatch(/order-api \(namespace shop\).*revision 31 \(3\.0\.0/);
    expect(f?.confirmCommands.join('\n')).toMatch(/rollout history deployment\/order-api --revision=31 -n shop/);
    const r = buildTriageReport(ev, times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/customer_id/);
    expect(r.headline).toMatch(/dropped \(lost\)/);
    expect(r.headline).toMatch(/Roll order-api back to revision 30 \(2\.9\.4\)/);
    expect(r.headline).not.toMatch(new RegExp(`(roll ?back|undo)[^\\n]{0,30}${ev.target.name}`, 'i'));
    expect(r.headline.length).toBeLessThanOrEqual(760);
  });

  it('without a tied sender still names the mapping conflict and says to find the producer of the field', () => {
    const untied = sender({ deployment: 'cart-api', revisions: [rev(8, minutesAgo(30), 'registry.example.com/cart-api:1.1.0'), rev(7, minutesAgo(9000), 'registry.example.com/cart-api:1.0.0')] });
    const ev = scenario({ lines: lines.map((l) => l.replace('/shop/order-api', '/shop/x')), senders: [untied] });
    const r = buildTriageReport({ ...ev, pods: ev.pods.map((p) => ({ ...p, containers: [container()] })) }, times);
    expect(r.headline).toMatch(/mapper_parsing_exception/);
    expect(r.headline).toMatch(/find the producer that changed what it sends in \[customer_id\]/i);
    expect(r.headline).not.toMatch(/cart-api/);
  });

  it('takes no single odd document in a ready pod for a conflict', () => {
    expect(analyzeIndexMappingConflict(scenario({ lines: lines.slice(0, 2) }))).toEqual([]);
  });
});
