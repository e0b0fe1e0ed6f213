// Clients refused at a pod IP on the port of a headless Service whose targetPort differs: the name
// resolves to the pods, nothing translates the port. The finding must name the Service, that it is
// headless, the port the pods listen on and when it was re-created, not the bare IP.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import type { ServiceEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { baseEvidence, container, endpointSlice, minutesAgo, pod, running, service } from './scenarios/builders.js';

const POOLER_IPS = ['10.0.7.31', '10.0.9.144'];

function scenario(over: Partial<ServiceEvidence> = {}, slicePort = 6000): TriageEvidence {
  const clients = [0, 1].map((i) => pod(i, { ready: false, containers: [container({ ready: false, state: running(3 * 24 * 60) })] }));
  const poolers = [0, 1].map((i) => pod(i, { name: `odyssey-7d9f${i}-x2k${i}q`, labels: { app: 'odyssey' } }));
  const slice = endpointSlice('db-pool', poolers, { ports: [{ name: 'pg', port: slicePort, protocol: 'TCP' }] });
  slice.endpoints.forEach((e, i) => { e.addresses = [POOLER_IPS[i] ?? '']; });
  const line = (ip: string) => `2026-11-21T03:1${POOLER_IPS.indexOf(ip)}:00Z ERROR db: connect ${ip}:5433 (db-pool.payments.svc.cluster.local): connect: connection refused`;
  return baseEvidence({
    pods: clients,
    services: [service(), service({ name: 'db-pool', selector: { app: 'odyssey' }, headless: true, ports: [{ name: 'pg', port: 5433, targetPort: 6000, protocol: 'TCP' }], createdAt: minutesAgo(22), ...over })],
    endpointSlices: [slice],
    logs: clients.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [line(POOLER_IPS[0] ?? ''), line(POOLER_IPS[0] ?? ''), line(POOLER_IPS[0] ?? '')] })),
  });
}

describe('a headless Service whose port differs from its targetPort', () => {
  it('names the Service, the port the pods listen on and its re-creation, not the bare IP', () => {
    const [f] = analyzeDependencyErrors(scenario());
    expect(f?.title).toMatch(/^Service db-pool was re-created headless \(clusterIP None\): clients dial its pods on 5433, but they listen on 6000/);
    // The verdict's trigger dates a Service of the namespace itself.
    expect(f?.datesChange).toBeUndefined();
    expect(f?.fix).toMatch(/ClusterIP Service again|port = targetPort/);
    expect(f?.evidence.join('\n')).toContain(`${POOLER_IPS[0]} is pod odyssey-7d9f0-x2k0q, an endpoint of Service db-pool`);
    expect(f?.affected?.services).toEqual(['db-pool']);
  });

  it('dates the re-creation itself when the Service is in another namespace', () => {
    const ev = scenario();
    const [, moved] = ev.services;
    ev.services = ev.services.slice(0, 1);
    ev.dependencyServices = moved ? [{ namespace: 'data', service: moved, slices: ev.endpointSlices }] : [];
    ev.endpointSlices = [];
    const [f] = analyzeDependencyErrors(ev);
    expect(f?.title).toMatch(/^Service db-pool was re-created headless \(clusterIP None\) 22m ago: clients dial/);
    expect(f?.datesChange).toBe(true);
    expect(f?.affected?.services).toBeUndefined();
  });

  it('resolves a named targetPort through the EndpointSlice', () => {
    const [f] = analyzeDependencyErrors(scenario({ ports: [{ name: 'pg', port: 5433, targetPort: 'pg', protocol: 'TCP' }] }));
    expect(f?.title).toContain('they listen on 6000');
  });

  it('says created, not re-created, when the Service is older than the clients', () => {
    const [f] = analyzeDependencyErrors(scenario({ createdAt: minutesAgo(30 * 24 * 60) }));
    expect(f?.title).toMatch(/^Service db-pool is headless \(clusterIP None\): clients dial/);
    expect(f?.datesChange).toBeUndefined();
  });

  it('leaves a headless Service whose port equals the port the pods listen on', () => {
    const [f] = analyzeDependencyErrors(scenario({ ports: [{ name: 'pg', port: 5433, targetPort: 5433, protocol: 'TCP' }] }, 5433));
    expect(f?.title).not.toMatch(/headless/);
  });

  it('leaves a ClusterIP Service: kube-proxy translates its port', () => {
    const [f] = analyzeDependencyErrors(scenario({ headless: undefined, clusterIP: '172.20.4.9' }));
    expect(f?.title).not.toMatch(/headless/);
  });
});
