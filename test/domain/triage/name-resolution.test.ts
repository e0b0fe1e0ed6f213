// Where a dependency's name really leads: the pod's /etc/hosts (hostAliases), an ExternalName
// Service's target, a Service with internalTrafficPolicy Local. The finding and the headline must
// name it instead of a NetworkPolicy, a missing Service or the cluster DNS.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import type { PodEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NODE_A, NODE_B, NODE_C, NOW, REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, running, service, terminated, workload } from './scenarios/builders.js';

const times = { startedAt: NOW, finishedAt: NOW };

describe('a dependency pinned by hostAliases in the pods\' /etc/hosts', () => {
  const host = 'risk-engine.internal.example.net';
  const timedOut = `WARN risk-engine call failed: Connect to https://${host}:8443 [${host}/10.40.12.9] failed: Connect timed out`;
  const served = `INFO leased route {s}->https://${host}:8443 [${host}/10.40.18.22]`;

  const template = () => ({ initContainers: [], volumes: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] } });

  function scenario(): TriageEvidence {
    const aliases = [{ ip: '10.40.12.9', hostnames: [host] }];
    const old = [0, 1, 2].map((i) => pod(i));
    const fresh = pod(3, { revisionHash: REV7.hash, ready: false, hostAliases: aliases, createdAt: minutesAgo(27), startTime: minutesAgo(27), containers: [container({ ready: false, state: running(27) })] });
    const pods = [...old, fresh];
    return baseEvidence({
      pods,
      workload: workload({ readyReplicas: 3 }),
      revisions: [
        revision(REV6, minutesAgo(8 * 24 * 60), { replicas: 3, template: template() }),
        revision(REV7, minutesAgo(28), { replicas: 1, containers: [revisionContainer()], template: { ...template(), hostAliases: [`10.40.12.9 ${host}`] } }),
      ],
      logs: [
        { pod: fresh.name, container: 'app', previous: false, lines: [timedOut, timedOut] },
        ...old.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [served] })),
      ],
    });
  }

  it('names the pin and the address it sends the pods to, not a NetworkPolicy', () => {
    const [f] = analyzeDependencyErrors(scenario());
    expect(f?.title).toContain(`Connections to ${host}:8443 time out: hostAliases pins it to 10.40.12.9 in the pods' /etc/hosts, while pods without the pin reach 10.40.18.22`);
    expect(f?.likelyCause).toContain('read before any DNS lookup');
    expect(`${f?.likelyCause} ${f?.nextAction}`).not.toMatch(/network ?polic/i);
    expect(f?.nextAction).toContain(`Remove the hostAliases entry for ${host}`);
    expect(f?.evidence).toContain('the failing connections go to 10.40.12.9, the pinned address');
  });

  it('makes the revision that added the pin the trigger, by its hostAliases change', () => {
    const r = buildTriageReport(scenario(), times);
    expect(r.headline).toContain(`revision 7`);
    expect(r.headline).toContain(`hostAliases: (none) → "10.40.12.9 ${host}"`);
    expect(r.headline).not.toMatch(/network ?polic/i);
  });

  it('leaves a host the pods do not pin to the usual reading', () => {
    const ev = scenario();
    for (const p of ev.pods) delete p.hostAliases;
    const [f] = analyzeDependencyErrors(ev);
    expect(f?.title).not.toContain('hostAliases');
  });
});

describe('a dependency reached through an ExternalName Service', () => {
  const lookup = 'sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) could not translate host name "billing-db" to address: Name or service not known';

  function scenario(): TriageEvidence {
    const pods = [0, 1, 2].map((i) => pod(i, { ready: false, containers: [container({ ready: false, restartCount: 9, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: terminated(1, 'Error', 1, { runSeconds: 14 }) })] }));
    const base = baseEvidence({ pods, workload: workload({ readyReplicas: 0, availableReplicas: 0 }), logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: true, lines: [lookup] })) });
    return {
      ...base,
      services: [...base.services, service({ name: 'billing-db', type: 'ExternalName', selector: {}, externalName: 'billing-pg-legacy.abc123.eu-west-1.rds.amazonaws.com' })],
      namespaceObjects: [{ kind: 'Service', name: 'billing-db', createdAt: minutesAgo(200 * 24 * 60), changedAt: minutesAgo(35) }],
    };
  }

  it('names where the Service points, instead of a missing Service or no endpoints', () => {
    const [f] = analyzeDependencyErrors(scenario());
    expect(f?.title).toBe('Dependency billing-db does not resolve (no such host): Service billing-db is an ExternalName pointing at billing-pg-legacy.abc123.eu-west-1.rds.amazonaws.com, which does not resolve (logs of 3 pods)');
    expect(f?.likelyCause).toContain('CNAME to billing-pg-legacy.abc123.eu-west-1.rds.amazonaws.com');
    expect(f?.evidence.join('\n')).not.toContain('endpoints ready');
    expect(f?.fix).toBe('point Service billing-db\'s externalName (billing-pg-legacy.abc123.eu-west-1.rds.amazonaws.com) at a host that resolves');
  });

  it('makes the Service\'s recent change the trigger', () => {
    expect(buildTriageReport(scenario(), times).headline).toMatch(/^Since Service billing-db was changed 35m ago: Dependency billing-db does not resolve/);
  });
});

describe('a dependency Service with internalTrafficPolicy Local', () => {
  const timeout = 'E, [2026-11-21T03:12:00.000 #1] ERROR -- : [GeoIP] Net::OpenTimeout: Failed to open TCP connection to geoip.geo.svc.cluster.local:80 (execution expired)';
  const geoPod = (i: number, node: string): PodEvidence => pod(i, { name: `geoip-7d9f-${i}`, nodeName: node, labels: { app: 'geoip' } });

  function scenario(policy: 'Local' | undefined, geoNodes: string[]): TriageEvidence {
    // pod(2) runs on NODE_C; its siblings on NODE_A and NODE_B are fine.
    const pods = [0, 1, 2].map((i) => (i === 2 ? pod(i, { ready: false, containers: [container({ ready: false })] }) : pod(i)));
    const geo = geoNodes.map((n, i) => geoPod(i, n));
    return baseEvidence({
      pods,
      workload: workload({ readyReplicas: 2 }),
      logs: [{ pod: pods[2]?.name ?? '', container: 'app', previous: false, lines: [timeout, timeout] }],
      dependencyServices: [{
        namespace: 'geo',
        service: service({ name: 'geoip', selector: { app: 'geoip' }, ...(policy ? { internalTrafficPolicy: policy } : {}) }),
        slices: [{ name: 'geoip-x1', service: 'geoip', endpoints: geo.map((p, i) => ({ addresses: [`10.0.9.${i}`], ready: true, podName: p.name, nodeName: p.nodeName ?? '' })), ports: [{ port: 8080, protocol: 'TCP' }] }],
        changedAt: minutesAgo(25),
      }],
    });
  }

  it('says the caller\'s node has no local endpoint, not that a NetworkPolicy drops the packets', () => {
    const [f] = analyzeDependencyErrors(scenario('Local', [NODE_A, NODE_B]));
    expect(f?.title).toContain(`Connections to geoip.geo.svc.cluster.local:80 time out: Service geoip (geo), changed 25m ago, has internalTrafficPolicy Local: its ready endpoints run only on nodes ${NODE_A}, ${NODE_B}, none on node ${NODE_C} where the failing pod runs`);
    expect(f?.likelyCause).toContain('only to its endpoints on the pod\'s own node');
    expect(`${f?.likelyCause} ${f?.nextAction}`).not.toMatch(/network ?polic/i);
    expect(f?.nextAction).toContain('back to Cluster');
  });

  it('does not blame the policy when the caller\'s node has an endpoint of its own', () => {
    const [f] = analyzeDependencyErrors(scenario('Local', [NODE_A, NODE_C]));
    expect(f?.title).not.toContain('internalTrafficPolicy');
  });

  it('does not blame the nodes when the Service routes cluster-wide', () => {
    const [f] = analyzeDependencyErrors(scenario(undefined, [NODE_A, NODE_B]));
    expect(f?.title).toBe('Connections to geoip.geo.svc.cluster.local:80 time out (logs of 1 pod)');
  });
});

describe('a hostAliases pin on every pod while the dependency\'s Service now has another address', () => {
  const host = 'orders-pg.corp.example';
  const timedOut = `psycopg2.OperationalError: connection to server at "${host}" (10.9.1.4), port 5432 failed: timeout expired`;

  function scenario(withService: boolean): TriageEvidence {
    const aliases = [{ ip: '10.9.1.4', hostnames: [host] }];
    const pods = [0, 1].map((i) => pod(i, { ready: false, hostAliases: aliases, containers: [container({ ready: false, restartCount: 6, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: terminated(1, 'Error', 1, { runSeconds: 40 }) })] }));
    const base = baseEvidence({ pods, workload: workload({ readyReplicas: 0, availableReplicas: 0 }), logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: true, lines: [timedOut, timedOut] })) });
    if (!withService) return base;
    return {
      ...base,
      services: [...base.services, service({ name: 'orders-pg', selector: {} })],
      endpointSlices: [...base.endpointSlices, { name: 'orders-pg-manual', service: 'orders-pg', endpoints: [{ addresses: ['10.9.7.20'], ready: true }], ports: [{ port: 5432, protocol: 'TCP' }] }],
    };
  }

  it("reads libpq's connect timeout and names the pinned address and the Service's current endpoint", () => {
    const [f] = analyzeDependencyErrors(scenario(true));
    expect(f?.title).toContain(`Connections to ${host}:5432 time out: hostAliases pins it to 10.9.1.4 in the pods' /etc/hosts, while it is now at 10.9.7.20 (Service orders-pg's endpoint)`);
    expect(f?.likelyCause).toContain(`${host} is now at 10.9.7.20`);
  });

  it('says only the pin when no Service of that name is read', () => {
    const [f] = analyzeDependencyErrors(scenario(false));
    expect(f?.title).toContain('hostAliases pins it to 10.9.1.4');
    expect(f?.title).not.toContain('now at');
  });
});
