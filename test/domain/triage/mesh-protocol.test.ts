import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import type { LogEvidence, ServicePortEvidence } from '../../../src/domain/triage/evidence.js';
import { pickMeshProxyLog } from '../../../src/domain/triage/mesh-protocol.js';
import { baseEvidence, container, minutesAgo, pod, service } from './scenarios/builders.js';

const proxy = container({ name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.23.2', ports: [], probes: {} });
const app = container({ env: [{ name: 'DATABASE_URL', value: 'postgresql://ledger@ledger-db:5432/ledger' }] });
const TIMEOUTS = [9, 5, 1].flatMap((m) => [`${minutesAgo(m)} ERROR HikariPool-1 - Connection is not available, request timed out after 30000ms (total=0, active=0, idle=0, waiting=2)`, '\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:262)']);

function seen(port: Partial<ServicePortEvidence> = {}, sidecar = true) {
  const pods = [0, 1].map((i) => pod(i, { ready: false, containers: [app, ...(sidecar ? [proxy] : [])] }));
  const services = [service(), service({ name: 'ledger-db', selector: { app: 'ledger-db' }, ports: [{ name: 'http-postgres', port: 5432, targetPort: 5432, protocol: 'TCP', ...port }] })];
  const logs: LogEvidence[] = pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: TIMEOUTS }));
  return { pods, services, logs };
}

describe('which sidecar log tells how the mesh handles a dependency', () => {
  it('picks the Istio proxy of a failing pod whose env or logs name a Service whose TCP port is declared HTTP', () => {
    const s = seen();
    expect(pickMeshProxyLog(s.pods, s.logs, s.services)).toEqual({ pod: s.pods[0]?.name, container: 'istio-proxy' });
  });

  it('picks none without a sidecar, a port declared for TCP, or errors in the logs', () => {
    const bare = seen({}, false);
    expect(pickMeshProxyLog(bare.pods, bare.logs, bare.services)).toBeUndefined();
    const tcp = seen({ name: 'tcp-postgres' });
    expect(pickMeshProxyLog(tcp.pods, tcp.logs, tcp.services)).toBeUndefined();
    const quiet = seen();
    expect(pickMeshProxyLog(quiet.pods, quiet.logs.map((l) => ({ ...l, lines: ['started'] })), quiet.services)).toBeUndefined();
  });

  it('counts the proxy\'s codec errors as the HTTP answer, and shows them', () => {
    const s = seen();
    const ev = baseEvidence({ pods: s.pods, logs: s.logs });
    ev.services = s.services;
    ev.meshProxyLogs = [{ pod: s.pods[0]?.name ?? '', container: 'istio-proxy', previous: false, lines: [`[${minutesAgo(9)}] "- - HTTP/1.1" 400 DPE http1.codec_error - "-" 0 11 0 - "-" "-" "-" "-" "-" - - 172.20.31.7:5432 10.0.1.100:41377 - -`] }];
    const [f] = analyzeDependencyErrors(ev);
    expect(f?.title).toMatch(/^Service ledger-db port 5432 is named http-postgres/);
    expect(f?.confidence).toBe('high');
    expect(f?.evidence.join('\n')).toMatch(/istio-proxy: .*400 DPE http1\.codec_error/);
  });
});
