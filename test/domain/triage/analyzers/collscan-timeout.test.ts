// MongoDB queries that run out of maxTimeMS (MaxTimeMSExpired, code 50) while the client did not
// change: mongod's slow-query log shows them as COLLSCAN over millions of documents, and its own
// "CMD: dropIndexes" line says which index of that collection went and when; the Job of the
// namespace that ran then dropped it. The verdict names the scan, the index and the Job, and
// advises the index back — never a longer maxTimeMS or a rollback.
import { describe, expect, it } from 'vitest';
import { analyzeCollscanTimeouts } from '../../../../src/domain/triage/analyzers/collscan-timeout.js';
import { pickTimedOutMongo, readIndexKeys, listCollscanLogSearches } from '../../../../src/domain/triage/collscan-timeout.js';
import type { NamespaceJobEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { APP, NOW, baseEvidence, container, endpointSlice, minutesAgo, pod } from '../scenarios/builders.js';

const URI = 'mongodb://catalog-mongo-0.catalog-mongo:27017,catalog-mongo-1.catalog-mongo:27017/catalog?replicaSet=rs0';
const date = (m: number) => `{"$date":"${minutesAgo(m).replace('Z', '+00:00')}"}`;
const clientLine = (m: number) => `{"level":50,"time":${Date.parse(minutesAgo(m))},"msg":"request failed","err":{"message":"Executor error during find command :: caused by :: operation exceeded time limit","code":50,"codeName":"MaxTimeMSExpired"}}`;
const slow = (m: number, docs: number) => `{"t":${date(m)},"s":"I","c":"COMMAND","id":51803,"ctx":"conn9","msg":"Slow query","attr":{"type":"command","ns":"catalog.items","command":{"find":"items","filter":{"sku":"A-1","state":"live"},"sort":{"updatedAt":-1},"maxTimeMS":1500,"$db":"catalog"},"planSummary":"COLLSCAN","keysExamined":0,"docsExamined":${docs},"ok":0,"errName":"MaxTimeMSExpired","errCode":50,"durationMillis":1501}}`;
const dropped = (m: number, name: string) => `{"t":${date(m)},"s":"I","c":"COMMAND","id":518070,"ctx":"conn7","msg":"CMD: dropIndexes","attr":{"namespace":"catalog.items","uuid":{"uuid":{"$uuid":"x"}},"indexes":"\\"${name}\\""}}`;

const job = (over: Partial<NamespaceJobEvidence> = {}): NamespaceJobEvidence => ({ name: 'items-index-prune', createdAt: minutesAgo(26), finishedAt: minutesAgo(24), state: 'complete', commandAndEnv: ['mongosh', URI, '--file', '/s/prune.js'], ...over });

function scenario(o: { server: string[]; jobs?: NamespaceJobEvidence[] }) {
  const pods = [0, 1, 2].map((i) => pod(i, { containers: [container({ env: [{ name: 'MONGODB_URI', value: URI }] })] }));
  const mongo = [0, 1].map((i) => pod(i, { name: `catalog-mongo-${i}`, labels: { app: 'catalog-mongo' } }));
  return baseEvidence({
    pods,
    logs: pods.slice(0, 2).map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [22, 18, 14, 10, 6].map(clientLine) })),
    endpointSlices: [endpointSlice(APP, pods), endpointSlice('catalog-mongo', mongo, { name: 'catalog-mongo-k2x9z' })],
    dependencyPods: [
      { service: 'catalog-mongo', pod: mongo[0]!, logs: [{ pod: 'catalog-mongo-0', container: 'mongod', previous: false, lines: o.server }] },
      { service: 'catalog-mongo', pod: mongo[1]!, logs: [{ pod: 'catalog-mongo-1', container: 'mongod', previous: false, lines: [] }] },
    ],
    namespaceJobs: { jobs: o.jobs ?? [], complete: true },
  });
}

const scans = [21, 15, 9, 5].map((m, i) => slow(m, 1_800_000 + i * 300_000));

describe('MongoDB queries that run out of maxTimeMS as collection scans after their index was dropped', () => {
  it('finds the server behind a seed list of pod names and reads index names as keys', () => {
    const ev = scenario({ server: [] });
    expect(pickTimedOutMongo(ev, ev.endpointSlices, NOW)).toEqual({ name: 'catalog-mongo', namespace: ev.target.namespace });
    expect(readIndexKeys('sku_1_state_1_updatedAt_-1')).toEqual([{ field: 'sku', dir: '1' }, { field: 'state', dir: '1' }, { field: 'updatedAt', dir: '-1' }]);
    expect(readIndexKeys('legacy_sku_1')).toEqual([{ field: 'legacy_sku', dir: '1' }]);
  });

  it('names the scan, the dropped index that served the query and the Job that ran then, and advises the index back', () => {
    const ev = scenario({ server: [dropped(25, 'legacy_sku_1'), dropped(25, 'sku_1_state_1_updatedAt_-1'), ...scans], jobs: [job(), job({ name: 'nightly-report', createdAt: minutesAgo(300), finishedAt: minutesAgo(290) })] });
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/^Queries on catalog\.items run as a collection scan \(COLLSCAN, docsExamined 1\.8–2\.7M\) and exceed maxTimeMS 1500 since index sku_1_state_1_updatedAt_-1 was dropped by Job items-index-prune 25m ago: 10 MaxTimeMSExpired in 2 ready pods/);
    expect(report.headline).toMatch(/Recreate the index on the primary: db\.items\.createIndex\(\{ sku: 1, state: 1, updatedAt: -1 \}\)/);
    expect(report.headline).not.toMatch(/roll(ing)? ?back to|(raise|increase) (the )?maxTimeMS|no change found|nightly-report/i);
  });

  it('without a logged drop, says no index serves the query and asks for one deeper read of the server log', () => {
    const ev = scenario({ server: scans });
    const [f] = analyzeCollscanTimeouts(ev);
    expect(f?.title).toMatch(/exceed maxTimeMS 1500 with no index to serve it/);
    expect(f?.fix).toMatch(/createIndex\(\{ sku: 1, state: 1, updatedAt: -1 \}\)/);
    expect(listCollscanLogSearches(ev, ev.endpointSlices, ev.dependencyPods ?? [], NOW)).toMatchObject([{ pod: 'catalog-mongo-0', container: 'mongod' }]);
  });

  it('says nothing when the server log shows no collection scan (a slow server, not a lost index)', () => {
    expect(analyzeCollscanTimeouts(scenario({ server: [dropped(25, 'sku_1_state_1_updatedAt_-1')], jobs: [job()] }))).toEqual([]);
  });
});
