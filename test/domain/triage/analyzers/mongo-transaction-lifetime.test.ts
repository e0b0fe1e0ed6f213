// MongoDB aborts a multi-document transaction past transactionLifetimeLimitSeconds; the driver sees
// NoSuchTransaction (TransientTransactionError) and withTransaction runs it again, as long as before,
// for ever. Few lines are errors and every pod is ready: without this reading the workload looks
// healthy. mongod's log (read one hop away) names the limit; the newest revision, when it grew what
// sizes each transaction, is the trigger.
import { describe, expect, it } from 'vitest';
import { analyzeMongoTransactionLifetime } from '../../../../src/domain/triage/analyzers/mongo-transaction-lifetime.js';
import { pickAbortingMongo } from '../../../../src/domain/triage/mongo-transaction-lifetime.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, NS, REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer } from '../scenarios/builders.js';

const URI = { name: 'MONGODB_URI', value: `mongodb://crm-mongo-0.crm-mongo,crm-mongo-1.crm-mongo/crm?replicaSet=rs0` };
const env = (batch: string) => [URI, { name: 'IMPORT_BATCH_SIZE', value: batch }];
const epoch = (m: number): number => Date.parse(minutesAgo(m));
const clientLines = Array.from({ length: 6 }, (_, a) => [
  `{"level":30,"time":${epoch(40 - a * 5)},"attempt":${a + 1},"msg":"bulk import: batch 1/5 started in transaction"}`,
  `{"level":40,"time":${epoch(39 - a * 5)},"attempt":${a + 1},"elapsedMs":${61100 + a * 40},"err":{"type":"MongoServerError","message":"Transaction with { txnNumber: ${a + 1} } has been aborted.","code":251,"codeName":"NoSuchTransaction","errorLabels":["TransientTransactionError"]},"msg":"bulk import: transaction aborted, retrying withTransaction"}`,
]).flat();
const mongodLines = [0, 1, 2].map((a) => `{"t":{"$date":"${minutesAgo(39 - a * 5)}"},"s":"I","c":"TXN","id":5377700,"ctx":"TransactionAbortExpiredTransactions","msg":"Aborting transaction because it has been running for longer than 'transactionLifetimeLimitSeconds'","attr":{"txnNumber":${a + 1},"lifetimeLimitSeconds":60}}`);

function scenario(opts: { server?: string[]; client?: string[] } = {}): TriageEvidence {
  const pods = [0, 1, 2, 3, 4].map((i) => pod(i, { revisionHash: REV7.hash, containers: [container({ env: env('20000') })] }));
  const db = pod(8, { name: 'crm-mongo-0', labels: { app: 'crm-mongo' }, containers: [container({ name: 'mongod' })] });
  const base = baseEvidence({ pods });
  return {
    ...base,
    revisions: [
      revision(REV6, minutesAgo(15 * 24 * 60), { containers: [revisionContainer({ env: env('500') })] }),
      revision(REV7, minutesAgo(310), { replicas: 5, containers: [revisionContainer({ env: env('20000') })] }),
    ],
    endpointSlices: [...base.endpointSlices, { service: 'crm-mongo', name: 'crm-mongo-abcde', endpoints: [] } as unknown as TriageEvidence['endpointSlices'][number]],
    logs: pods.slice(0, 1).map((p) => ({ pod: p.name, container: 'app', previous: false, lines: opts.client ?? clientLines })),
    ...(opts.server ? { dependencyPods: [{ service: 'crm-mongo', namespace: NS, pod: db, logs: [{ pod: db.name, container: 'mongod', previous: false, lines: opts.server }] }] } : {}),
  };
}

describe('MongoDB aborting transactions past their lifetime limit', () => {
  it('asks for the MongoDB whose transactions are aborted again and again', () => {
    const ev = scenario();
    expect(pickAbortingMongo(ev, ev.endpointSlices)).toEqual({ namespace: NS, name: 'crm-mongo' });
    expect(pickAbortingMongo(scenario({ client: clientLines.slice(0, 4) }), ev.endpointSlices)).toBeUndefined();
  });

  it('names the limit, the attempts that outlive it and the revision that grew the batch', () => {
    const [f] = analyzeMongoTransactionLifetime(scenario({ server: mongodLines }));
    expect(f?.title).toMatch(/^MongoDB crm-mongo aborts the workload's transactions at transactionLifetimeLimitSeconds = 60: 6 aborts logged \(NoSuchTransaction, code 251\) after running 61s and retried/);
    expect(f?.title).toMatch(/revision 7 \(5h 10m ago\) changed IMPORT_BATCH_SIZE: "?500"? → "?20000/);
    expect(f?.confidence).toBe('high');
  });

  it('turns an all-clear into a problem headed by the transaction lifetime', () => {
    const report = buildTriageReport(scenario({ server: mongodLines }), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/transactionLifetimeLimitSeconds = 60/);
    expect(report.headline).toMatch(/IMPORT_BATCH_SIZE/);
  });

  it('says nothing of aborts neither the server nor the client ties to the lifetime (a write conflict)', () => {
    const short = clientLines.map((l) => l.replace(/"elapsedMs":\d+/, '"elapsedMs":120'));
    expect(analyzeMongoTransactionLifetime(scenario({ client: short }))).toEqual([]);
  });
  it("quotes the driver's own code for the lifetime abort (290) when the client logs it, over mongod's line", () => {
    const lifetime = (a: number) => `{"level":50,"time":${epoch(39 - a * 5)},"err":{"type":"MongoServerError","message":"Aborting transaction with txnNumber ${a + 1} because it has been running for longer than 'transactionLifetimeLimitSeconds'","code":290,"codeName":"TransactionExceededLifetimeLimitSeconds","errorLabels":["TransientTransactionError"]},"msg":"write failed inside transaction"}`;
    const client = [0, 1, 2, 3].flatMap((a) => [lifetime(a), clientLines[a * 2 + 1] ?? '']);
    const [f] = analyzeMongoTransactionLifetime(scenario({ server: mongodLines, client }));
    expect(f?.title).toMatch(/8 aborts logged \(TransactionExceededLifetimeLimitSeconds, code 290; NoSuchTransaction, code 251\)/);
    expect(f?.decisive).toMatch(/"code":290/);
  });
});
