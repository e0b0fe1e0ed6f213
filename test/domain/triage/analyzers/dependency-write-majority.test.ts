// A MongoDB replica set whose majority writes time out ("waiting for replication timed out",
// WriteConcernFailed): the primary takes every write but no other data-bearing member confirms it,
// so the clients' writes fail while their reads work and their pods stay Ready. The cause is the
// member that cannot run — Pending, with the scheduler's reason — never the client's revision.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyClusterDown } from '../../../../src/domain/triage/analyzers/dependency-cluster-down.js';
import { pickClusterDownService } from '../../../../src/domain/triage/cluster-down.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { DependencyMembersEvidence } from '../../../../src/domain/triage/evidence-dependency-members.js';
import { NOW, baseEvidence, container, crashLooping, pod, setMember, terminated, unscheduledPod } from '../scenarios/builders.js';

const TIMED_OUT = '{"level":50,"err":{"type":"MongoWriteConcernError","message":"waiting for replication timed out","code":64,"codeName":"WriteConcernFailed","errInfo":{"wtimeout":true,"writeConcern":{"w":"majority","wtimeout":10000,"provenance":"clientSupplied"}}},"msg":"failed to save invoice"}';
const READ_OK = '{"level":30,"req":{"method":"GET","url":"/v1/invoices/7"},"res":{"statusCode":200},"msg":"request completed"}';
const URI = [{ name: 'MONGODB_URI', value: 'mongodb://billing@ledger-db-0.ledger-db-hl.billing.svc.cluster.local:27017,ledger-db-1.ledger-db-hl.billing.svc.cluster.local:27017/ledger?replicaSet=rs0&w=majority' }];
const UNSCHED = "0/4 nodes are available: 2 node(s) didn't match Pod's node affinity/selector, 2 node(s) had volume node affinity conflict. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.";

function scenario(lines: readonly string[], dependencyMembers?: DependencyMembersEvidence[]) {
  const pods = [0, 1, 2].map((i) => pod(i, { containers: [container({ env: URI })] }));
  return baseEvidence({
    pods,
    logs: pods.slice(0, 2).map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [...lines] })),
    ...(dependencyMembers ? { dependencyMembers } : {}),
  });
}

function members(): DependencyMembersEvidence {
  const labels = { app: 'ledger-db' };
  return {
    namespace: 'billing',
    service: 'ledger-db-hl',
    pods: [pod(10, { name: 'ledger-db-0', labels, containers: [container({ name: 'mongodb' })] }), unscheduledPod(11, UNSCHED, 340, { name: 'ledger-db-1', labels })],
    nodeLosses: [],
  };
}

describe('a MongoDB replica set whose majority writes time out', () => {
  it('is followed to the Service its connection string names, on two timed-out writes', () => {
    // Its ready members that started recently are read too: one still in initial sync confirms no write.
    expect(pickClusterDownService(scenario([READ_OK, TIMED_OUT, TIMED_OUT]))).toEqual({ name: 'ledger-db-hl', namespace: 'billing', syncLogs: true });
    expect(pickClusterDownService(scenario([READ_OK, READ_OK]))).toBeUndefined();
  });

  it('names the data-bearing member that cannot run and why, and blames no revision of the client', () => {
    const ev = scenario([READ_OK, TIMED_OUT, TIMED_OUT], [members()]);
    const [f] = analyzeDependencyClusterDown(ev);
    expect(f?.title).toMatch(/^MongoDB replica set ledger-db-hl times out its w:majority writes[^;]*\(WriteConcernFailed/);
    expect(f?.title).toMatch(/wtimeout 10000/);
    expect(f?.title).toMatch(/ledger-db-1 Pending[^;]*volume node affinity conflict/);
    expect(f?.confidence).toBe('high');
    expect(f?.likelyCause).toMatch(/data-bearing/);
    // The primary is there: no election is lost, and nothing says one is.
    expect(f?.likelyCause).not.toMatch(/no member can be elected/);
    expect(f?.nextAction).toMatch(/ledger-db-1/);
    expect(f?.nextAction).not.toMatch(/roll ?back/i);
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/ledger-db-1/);
    expect(report.headline).toMatch(/volume node affinity conflict/);
  });

  it("quotes a crashing member's full disk by its errno and names its volume, not the storage engine's generic message", () => {
    const labels = { app: 'ledger-db' };
    const wt = (error: string, msg: string) => `{"t":{"$date":"2026-11-21T03:11:40.000+00:00"},"s":"E","c":"WT","id":22435,"ctx":"initandlisten","msg":"WiredTiger error message","attr":{"error":28,"message":{"msg":"${msg}","error_str":"${error}","error_code":28}}}`;
    const crashed = setMember('ledger-db', 'ledger-db-5d7f', 1, 30 * 24 * 60, { labels, ready: false, containers: [crashLooping('ledger-db-1', terminated(134, 'Error', 3), 23, { name: 'mongodb' })] }, { claim: true });
    const full: DependencyMembersEvidence = {
      ...members(),
      pods: [pod(10, { name: 'ledger-db-0', labels, containers: [container({ name: 'mongodb' })] }), crashed],
      logs: [{ pod: crashed.name, container: 'mongodb', previous: true, lines: [
        wt('No space left on device', '__posix_file_write:616:/data/db/journal/WiredTigerLog.0000004127: handle-write: pwrite: failed to write 128 bytes at offset 0'),
        wt('WT_PANIC: WiredTiger library panic', '__wt_panic:534:the process must exit and restart'),
        '{"t":{"$date":"2026-11-21T03:11:40.000+00:00"},"s":"F","c":"ASSERT","id":23089,"ctx":"initandlisten","msg":"Fatal assertion","attr":{"msgid":50853}}',
      ] }],
    };
    const [f] = analyzeDependencyClusterDown(scenario([TIMED_OUT, TIMED_OUT], [full]));
    expect(f?.title).toMatch(/ledger-db-1 crash-looping \(exit 134\): No space left on device: __posix_file_write[^;]*\(its volume data-ledger-db-1 is full\)/);
    expect(f?.evidence.join('\n')).toMatch(/log ledger-db-1 \(previous run\): No space left on device: __posix_file_write/);
  });

  it('says which zone the member\'s claim is pinned to, when its volume was read', () => {
    const pinned = { ...members(), volumes: [{ pod: 'ledger-db-1', claim: 'datadir-ledger-db-1', volume: 'pvc-3f1e', zones: ['eu-west-1b'] }] };
    const [f] = analyzeDependencyClusterDown(scenario([TIMED_OUT, TIMED_OUT], [pinned]));
    expect(f?.title).toMatch(/ledger-db-1 Pending[^;]*claim datadir-ledger-db-1 of ledger-db-1 pinned to eu-west-1b/);
    expect(f?.nextAction).toMatch(/zone \(eu-west-1b\)/);
  });

  it('says a ready member re-created recently is still in initial sync, by its own log, and cannot acknowledge writes yet', () => {
    const labels = { app: 'ledger-db' };
    const crashed = setMember('ledger-db', 'ledger-db-5d7f', 1, 30 * 24 * 60, { labels, ready: false, containers: [crashLooping('ledger-db-1', terminated(134, 'Error', 3), 23, { name: 'mongodb' })] });
    const fresh = setMember('ledger-db', 'ledger-db-5d7f', 2, 50, { labels, containers: [container({ name: 'mongodb' })] });
    const syncing: DependencyMembersEvidence = {
      ...members(),
      pods: [pod(10, { name: 'ledger-db-0', labels, containers: [container({ name: 'mongodb' })] }), crashed, fresh],
      logs: [{ pod: 'ledger-db-2', container: 'mongodb', previous: false, lines: [
        '{"t":{"$date":"2026-11-21T03:00:00.000+00:00"},"s":"I","c":"REPL","id":21358,"ctx":"ReplCoord-0","msg":"Replica set state transition","attr":{"newState":"STARTUP2","oldState":"STARTUP"}}',
        '{"t":{"$date":"2026-11-21T03:00:01.000+00:00"},"s":"I","c":"INITSYNC","id":21164,"ctx":"ReplCoordExtern-0","msg":"Starting initial sync attempt","attr":{"initialSyncAttempt":1}}',
      ] }],
    };
    const [f] = analyzeDependencyClusterDown(scenario([TIMED_OUT, TIMED_OUT], [syncing]));
    expect(f?.title).toMatch(/ledger-db-1 crash-looping[^;]*, ledger-db-2 still in initial sync \(STARTUP2\), so it cannot acknowledge writes yet/);
    expect(f?.likelyCause).toMatch(/ledger-db-2 runs and is ready but is still in initial sync/);
    expect(f?.nextAction).toMatch(/let ledger-db-2 finish its initial sync/);
    expect(f?.evidence.join('\n')).toMatch(/log ledger-db-2: .*STARTUP2|log ledger-db-2: .*initial sync/i);
    // Without its log read, nothing is said of it.
    const [g] = analyzeDependencyClusterDown(scenario([TIMED_OUT, TIMED_OUT], [{ ...syncing, logs: [] }]));
    expect(g?.title).not.toMatch(/initial sync/);
  });
});
