// An etcd past its backend quota: the NOSPACE alarm refuses every write while reads (and every
// readiness check) still work. The clients' errors name it; the server's pod says its quota and
// whether it compacts, and its log when the alarm was raised.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals, listExplainedServices, listRefusingServices } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { isErrorLine } from '../../../../src/domain/triage/error-line.js';
import { NOW, baseEvidence, container, pod } from '../scenarios/builders.js';

const HEARTBEAT = '{"time":"2026-11-21T02:13:10Z","level":"WARN","msg":"session heartbeat failed","client":"checkout-6f9c7d5b8-k2x7w","err":"etcdserver: mvcc: database space exceeded"}';
const PERSIST = '{"time":"2026-11-21T02:33:10Z","level":"ERROR","msg":"persist flag","flag":"checkout.apple-pay-v2","err":"etcdserver: mvcc: database space exceeded"}';
const ALARM = '{"level":"warn","ts":"2026-11-21T01:37:00.412Z","caller":"etcdserver/server.go:2281","msg":"alarm raised","alarm":"NOSPACE","from":"8e2e1b6c0a7f4d31"}';
const env = [{ name: 'ETCD_ENDPOINTS', value: 'http://toggle-etcd.platform-config.svc.cluster.local:2379' }];
const ETCD_COMMAND = ['/usr/local/bin/etcd', '--name=$(POD_NAME)', '--data-dir=/var/run/etcd/default.etcd', '--listen-client-urls=http://0.0.0.0:2379', '--quota-backend-bytes=268435456', '--snapshot-count=10000'];

function scenario(command: string[] = ETCD_COMMAND, etcdLog: string[] = ['{"level":"info","msg":"saved snapshot"}', ALARM]) {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env })] }));
  const etcd = pod(7, { name: 'toggle-etcd-0', labels: { app: 'toggle-etcd' }, containers: [container({ name: 'etcd', image: 'quay.io/coreos/etcd:v3.5.17', command })] });
  return baseEvidence({
    target: { service: 'toggle-service', namespace: 'platform-config', kind: 'Deployment', name: 'toggle-service' },
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: ['{"level":"INFO","msg":"request","method":"GET","status":200}', HEARTBEAT, PERSIST] })),
    dependencyPods: [{ service: 'toggle-etcd', pod: etcd, logs: [{ pod: 'toggle-etcd-0', container: 'etcd', previous: false, lines: etcdLog }] }],
  });
}

describe('an etcd that refuses writes past its backend quota', () => {
  it('counts the client\'s refused write as an error line, whatever level it is logged at', () => {
    expect(isErrorLine(HEARTBEAT)).toBe(true);
  });

  it('asks for one pod of the etcd Service its env names, and no extra pods for the alarm every member logs', () => {
    const ev = scenario();
    expect(listRefusingServices(ev)).toEqual(['toggle-etcd']);
    expect(listExplainedServices(ev)).toEqual([]);
  });

  it('states the quota, that nothing compacts, and when the alarm was raised', () => {
    const [f] = analyzeDependencyRefusals(scenario());
    expect(f?.title).toMatch(/^etcd toggle-etcd refuses writes: its database reached its space quota \(--quota-backend-bytes 268435456 \(256Mi\), no --auto-compaction-retention\) — its members raised the NOSPACE alarm at 2026-11-21 01:37 UTC/);
    expect(f?.evidence.join('\n')).toMatch(/toggle-etcd-0 runs etcd with --quota-backend-bytes 268435456 \(256Mi\) and no --auto-compaction-retention: nothing compacts/);
    expect(f?.fix).toMatch(/compact[^\n]*defrag[^\n]*alarm disarm[^\n]*auto-compaction/);
    expect(f?.fix).not.toMatch(/start with/);
  });

  it('reads the quota and retention from etcd\'s ETCD_* env form, and a retention of 0 as off', () => {
    const ev = scenario(['etcd']);
    const c = ev.dependencyPods?.[0]?.pod.containers[0];
    if (c) c.env = [{ name: 'ETCD_QUOTA_BACKEND_BYTES', value: '4294967296' }, { name: 'ETCD_AUTO_COMPACTION_RETENTION', value: '0' }];
    expect(analyzeDependencyRefusals(ev)[0]?.title).toMatch(/\(--quota-backend-bytes 4294967296 \(4Gi\), --auto-compaction-retention 0 \(off\)\)/);
  });

  it('says the default quota when no flag sets it, and says nothing of its settings when a config file may set them', () => {
    expect(analyzeDependencyRefusals(scenario(['etcd', '--auto-compaction-retention=1h']))[0]?.title).toMatch(/\(no --quota-backend-bytes \(the default 2Gi quota\), --auto-compaction-retention 1h\)/);
    const fromFile = analyzeDependencyRefusals(scenario(['etcd', '--config-file=/etc/etcd/etcd.yaml']))[0];
    expect(fromFile?.title).not.toMatch(/auto-compaction|quota-backend-bytes/);
  });

  it('makes the verdict a problem whose headline names etcd and its quota, though every pod is ready', () => {
    const report = buildTriageReport(scenario(), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/etcd toggle-etcd refuses writes: its database reached its space quota/);
  });
});
