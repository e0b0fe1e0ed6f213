import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import type { LogEvidence, PodEvidence } from '../../../src/domain/triage/evidence.js';
import { pickLocalUpstreamServers } from '../../../src/domain/triage/local-upstream.js';
import { explainLoopbackListenerMiss, findLoopbackListenerMiss } from '../../../src/domain/triage/loopback-listener.js';
import { baseEvidence, container, pod } from './scenarios/builders.js';

const REFUSED_V6 = '{"level":60,"msg":"failed to initialise database pool","err":{"type":"Error","message":"connect ECONNREFUSED ::1:5432"}}';
const PROXY_LISTENS = '{"severity":"INFO","message":"[acme:europe-west1:pg] Listening on 127.0.0.1:5432"}';
const REFUSED_V4 = '[2026/11/21 03:11:29] [proxy.go:107] Error proxying to upstream server: dial tcp 127.0.0.1:3000: connect: connection refused';

/** An app and a database proxy sidecar in one pod; the app crashed on its refusals, the proxy runs. */
function proxiedPod(): PodEvidence {
  return pod(0, {
    ready: false,
    containers: [
      container({ name: 'app', state: { waiting: { reason: 'CrashLoopBackOff' } }, restartCount: 7, ready: false }),
      container({ name: 'cloud-sql-proxy', ports: [], probes: {} }),
    ],
  });
}

/** A Next.js app that binds its hostname (the pod name) behind an auth proxy sidecar dialing 127.0.0.1:3000. */
function authProxiedPod(): { pod: PodEvidence; logs: LogEvidence[] } {
  const p = pod(1, { containers: [container({ name: 'web', ports: [{ name: 'next', containerPort: 3000, protocol: 'TCP' }] }), container({ name: 'oauth2-proxy', ports: [{ name: 'proxy', containerPort: 4180, protocol: 'TCP' }] })] });
  return {
    pod: p,
    logs: [
      { pod: p.name, container: 'web', previous: false, lines: ['  ▲ Next.js 14.2.15', `  - Local:        http://${p.name}:3000`, '  - Network:      http://10.0.60.44:3000', ' ✓ Ready in 187ms'] },
      { pod: p.name, container: 'oauth2-proxy', previous: false, lines: ['[2026/11/21 02:50:00] [server.go:297] HTTP: listening on 0.0.0.0:4180', REFUSED_V4, REFUSED_V4, REFUSED_V4] },
    ],
  };
}

describe('a loopback address refused while the neighbour serving it listens elsewhere', () => {
  it('reads the neighbour\'s log when a container is refused at a loopback port it serves', () => {
    const p = proxiedPod();
    expect(pickLocalUpstreamServers([p], [{ pod: p.name, container: 'app', previous: true, lines: [REFUSED_V6] }])).toEqual([{ pod: p.name, container: 'cloud-sql-proxy', restarts: 0 }]);
  });

  it('names ::1 dialed against a listener on 127.0.0.1 only, and Node\'s resolver order', () => {
    const p = proxiedPod();
    const logs: LogEvidence[] = [{ pod: p.name, container: 'cloud-sql-proxy', previous: false, lines: [PROXY_LISTENS] }];
    const miss = findLoopbackListenerMiss([p], logs, 'app', '::1:5432');
    expect(miss).toMatchObject({ server: 'cloud-sql-proxy', listens: '127.0.0.1:5432', mismatch: 'ipv6-to-ipv4' });
    const told = explainLoopbackListenerMiss(miss!, true);
    expect(told.title).toBe('app dials ::1:5432 (localhost resolved to IPv6), but cloud-sql-proxy in the same pod listens on 127.0.0.1:5432 only (IPv4) — its log: "[acme:europe-west1:pg] Listening on 127.0.0.1:5432"');
    expect(told.fix).toBe('point app at 127.0.0.1:5432 instead of localhost, or make cloud-sql-proxy listen on both loopback addresses (or NODE_OPTIONS=--dns-result-order=ipv4first)');
    expect(told.cause).toMatch(/Node\.js 17\+/);
    // A listener on both families, or on every address, is reachable: no reading.
    expect(findLoopbackListenerMiss([p], [{ ...logs[0]!, lines: [PROXY_LISTENS, 'Listening on [::1]:5432'] }], 'app', '::1:5432')).toBeUndefined();
    expect(findLoopbackListenerMiss([p], [{ ...logs[0]!, lines: ['listening on :5432'] }], 'app', '::1:5432')).toBeUndefined();
  });

  it('reads the neighbour\'s bind address from its flags or variables when its log names none', () => {
    const p = pod(2, {
      ready: false,
      containers: [
        container({ name: 'app', ready: false }),
        container({ name: 'policy', ports: [{ name: 'diag', containerPort: 9191, protocol: 'TCP' }], args: ['run', '--server', '--addr=127.0.0.1:7070', '--diagnostic-addr=0.0.0.0:9191'] }),
      ],
    });
    const logs: LogEvidence[] = [{ pod: p.name, container: 'policy', previous: false, lines: ['{"level":"info","msg":"Initializing server."}'] }];
    const miss = findLoopbackListenerMiss([p], logs, 'app', '::1:7070');
    expect(miss).toMatchObject({ server: 'policy', listens: '127.0.0.1:7070', mismatch: 'ipv6-to-ipv4', line: '--addr=127.0.0.1:7070', seenIn: 'its args' });
    const told = explainLoopbackListenerMiss(miss!, true);
    expect(told.title).toBe('app dials ::1:7070 (localhost resolved to IPv6), but policy in the same pod listens on 127.0.0.1:7070 only (IPv4) — its args: "--addr=127.0.0.1:7070"');
    expect(told.fix).toMatch(/^point app at 127\.0\.0\.1:7070 instead of localhost/);
    // Its log need not be read: the spec says it.
    expect(findLoopbackListenerMiss([p], [], 'app', '::1:7070')).toMatchObject({ server: 'policy', listens: '127.0.0.1:7070' });
    // A bind variable naming a bare loopback host, on a port the container declares.
    const byEnv = pod(3, { containers: [container({ name: 'app' }), container({ name: 'proxy', ports: [{ name: 'p', containerPort: 7070, protocol: 'TCP' }], env: [{ name: 'BIND_ADDRESS', value: '127.0.0.1' }] })] });
    expect(findLoopbackListenerMiss([byEnv], [], 'app', '::1:7070')).toMatchObject({ server: 'proxy', listens: '127.0.0.1:7070', seenIn: 'its env', line: 'BIND_ADDRESS=127.0.0.1' });
    // Every address, or a peer's address (an upstream flag), is no bind of its own: no reading.
    const wide = { ...p, containers: [p.containers[0]!, { ...p.containers[1]!, args: ['run', '--addr=:7070'] }] };
    expect(findLoopbackListenerMiss([wide], [], 'app', '::1:7070')).toBeUndefined();
    const upstream = { ...p, containers: [p.containers[0]!, { ...p.containers[1]!, args: ['--upstream-addr=127.0.0.1:7070'] }] };
    expect(findLoopbackListenerMiss([upstream], [], 'app', '::1:7070')).toBeUndefined();
  });

  it('refines a Go client refused at [::1] into the mismatch its neighbour\'s flag shows, its log unread', () => {
    const p = pod(4, { ready: false, containers: [container({ name: 'api', ready: false }), container({ name: 'authz', ports: [], args: ['--listen', '127.0.0.1:7070'] })] });
    const line = 'time=2026-11-21T03:10:00Z level=ERROR msg="policy check failed" err="Post \\"http://localhost:7070/v1/data\\": dial tcp [::1]:7070: connect: connection refused"';
    const findings = analyzeDependencyErrors(baseEvidence({ pods: [p], logs: [{ pod: p.name, container: 'api', previous: false, lines: [line, line, line] }] }));
    const f = findings.find((x) => x.id.startsWith('dependency-error/loopback-listener/'));
    expect(f?.title).toBe('Dependency [::1]:7070 refuses connections: api dials [::1]:7070 (localhost resolved to IPv6), but authz in the same pod listens on 127.0.0.1:7070 only (IPv4) — its args: "--listen 127.0.0.1:7070" (logs of 1 pod)');
  });

  it('names a server bound to its hostname (the pod name) while its sidecar dials 127.0.0.1, and Next.js\'s HOSTNAME', () => {
    const { pod: p, logs } = authProxiedPod();
    const miss = findLoopbackListenerMiss([p], logs, 'oauth2-proxy', '127.0.0.1:3000');
    expect(miss).toMatchObject({ server: 'web', listens: `${p.name}:3000`, mismatch: 'host-only', hostnameBind: true, nextjs: true });
    expect(explainLoopbackListenerMiss(miss!, false).fix).toBe('set HOSTNAME=0.0.0.0 in web (Next.js standalone\'s server.js listens on $HOSTNAME), or point oauth2-proxy at the pod IP');
    // Next.js started with `next start` prints localhost: it listens everywhere, nothing to tell.
    const local = logs.map((l) => (l.container === 'web' ? { ...l, lines: ['  ▲ Next.js 14.2.15', '  - Local:        http://localhost:3000'] } : l));
    expect(findLoopbackListenerMiss([p], local, 'oauth2-proxy', '127.0.0.1:3000')).toBeUndefined();
  });

  it('refines the refusals of ready pods into the address mismatch, dated by the first refusal', () => {
    const { pod: p, logs } = authProxiedPod();
    const findings = analyzeDependencyErrors(baseEvidence({ pods: [p], logs }));
    const f = findings.find((x) => x.id.startsWith('dependency-error/loopback-listener/'));
    expect(f?.title).toBe(`Dependency 127.0.0.1:3000 refuses connections: web in the same pod listens on ${p.name}:3000 only (its $HOSTNAME, the pod name: the pod IP, not loopback), while oauth2-proxy dials 127.0.0.1:3000 — its log: "- Local: http://${p.name}:3000" (oauth2-proxy logs of 1 pod)`);
    expect(f?.onset).toBe('2026-11-21T03:11:29.000Z');
  });
});
