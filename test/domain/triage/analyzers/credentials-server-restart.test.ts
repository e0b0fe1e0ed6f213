// A broker that refuses a client's login since it restarted: its members were all re-created after
// the client's pods started, just after a ConfigMap they mount (the users it loads at boot) was
// written. The client changed nothing: the fix is the server's configuration or the client's Secret.
import { describe, expect, it } from 'vitest';
import { analyzeRejectedCredentials } from '../../../../src/domain/triage/analyzers/credentials-rejected.js';
import { pickRejectingServer } from '../../../../src/domain/triage/analyzers/credentials-server-restart.js';
import type { DependencyMembersEvidence } from '../../../../src/domain/triage/evidence-dependency-members.js';
import type { EnvVarEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, baseEvidence, container, minutesAgo, pod } from '../scenarios/builders.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';

const REFUSED = '{"level":50,"err":{"message":"Handshake terminated by server: 403 (ACCESS-REFUSED) with message \\"ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN. For details see the broker logfile.\\""},"msg":"amqp connection failed"}';
const EXITING = '{"level":60,"msg":"cannot start without a broker connection, exiting"}';
const ENV: EnvVarEvidence[] = [
  { name: 'AMQP_HOST', value: 'queue.payments.svc.cluster.local' },
  { name: 'AMQP_PASSWORD', ref: { kind: 'secret', name: 'client-amqp', key: 'password' } },
];

function broker(over: Partial<DependencyMembersEvidence> = {}): DependencyMembersEvidence {
  return {
    namespace: 'payments',
    service: 'queue',
    pods: [0, 1, 2].map((i) => pod(i, { name: `queue-${i}`, labels: { app: 'queue' }, createdAt: minutesAgo(40 + i * 2), containers: [container({ name: 'rabbitmq' })] })),
    nodeLosses: [],
    configUpdates: [{ configMap: 'queue-config', updatedAt: minutesAgo(60 * 24 * 30) }, { configMap: 'queue-definitions', updatedAt: minutesAgo(47), by: 'helm' }],
    ...over,
  };
}

function scenario(dependencyMembers?: DependencyMembersEvidence[]) {
  const pods = [0, 1].map((i) => pod(i, { ready: false, createdAt: minutesAgo(5 * 24 * 60), containers: [container({ ready: false, restartCount: 9, env: ENV })] }));
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: true, lines: [REFUSED, EXITING] })),
    ...(dependencyMembers ? { dependencyMembers } : {}),
  });
}

describe('a server that refuses the login since it restarted', () => {
  it('is the Service the refused client names as its host', () => {
    expect(pickRejectingServer(scenario())).toEqual({ name: 'queue', namespace: 'payments' });
  });

  it('takes the broker\'s refusal over the exit line, and dates it by the server\'s restart and its ConfigMap, not the client', () => {
    const ev = scenario([broker()]);
    const [f] = analyzeRejectedCredentials(ev);
    expect(f?.decisive).toMatch(/ACCESS_REFUSED - Login was refused/);
    expect(f?.title).toMatch(/^queue refuses the login \(password credentials\) of 2 pods since its 3 pods were re-created 44m ago/);
    expect(f?.affected?.configMaps).toEqual(['queue-definitions']);
    expect(f?.likelyCause).toMatch(/imports its definitions/);
    expect(f?.nextAction).toMatch(/previous password \(hash\) in ConfigMap queue-definitions/);
    expect(f?.nextAction).toMatch(/client-amqp/);
    expect(f?.outsideWorkload).toBeDefined();
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/ACCESS_REFUSED|Login was refused/);
    expect(report.headline).toMatch(/queue-definitions/);
    expect(report.headline).not.toMatch(/roll ?back/i);
  });

  it('keeps the stale-Secret reading when the server did not restart after the clients started', () => {
    const old = broker({ pods: broker().pods.map((p) => ({ ...p, createdAt: minutesAgo(10 * 24 * 60) })) });
    const [f] = analyzeRejectedCredentials(scenario([old]));
    expect(f?.title).toMatch(/^A dependency rejects the credentials of 2 pods/);
  });
});
