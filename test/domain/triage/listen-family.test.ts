import { describe, expect, it } from 'vitest';
import { findIpv4OnlyBind, pickFamilyMismatchServices, readServiceFamilies } from '../../../src/domain/triage/listen-family.js';
import { APP, container, pod, service } from './scenarios/builders.js';

const log = (lines: string[]) => ({ pod: 'catalog-api-5d8f9c7b6d-q2xkp', container: 'app', previous: false, lines });

describe('findIpv4OnlyBind', () => {
  it('reads an IPv4 wildcard bind of the served port from the args', () => {
    const c = container({ command: ['gunicorn', '--bind', '0.0.0.0:8000', '--workers', '4', 'catalog.wsgi:app'] });
    expect(findIpv4OnlyBind(c, [], 8000)).toEqual({ address: '0.0.0.0:8000', source: 'command --bind 0.0.0.0:8000' });
  });

  it('reads a host flag or a HOST variable when the container serves the port', () => {
    const uvicorn = container({ ports: [{ name: 'http', containerPort: 8000, protocol: 'TCP' }], args: ['uvicorn', 'app.main:app', '--host', '0.0.0.0', '--port', '8000'] });
    expect(findIpv4OnlyBind(uvicorn, [], 8000)?.source).toBe('args --host 0.0.0.0');
    const node = container({ ports: [{ name: 'http', containerPort: 3000, protocol: 'TCP' }], env: [{ name: 'HOST', value: '0.0.0.0' }, { name: 'PORT', value: '3000' }] });
    expect(findIpv4OnlyBind(node, [], 3000)?.source).toBe('env HOST=0.0.0.0');
  });

  it('reads the server\'s own startup line when the spec says nothing', () => {
    const lines = ['[2026-11-15 03:13:00 +0000] [1] [INFO] Starting gunicorn 23.0.0', '[2026-11-15 03:13:00 +0000] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)'];
    expect(findIpv4OnlyBind(container({ ports: [] }), [log(lines)], 8000)).toEqual({ address: '0.0.0.0:8000', source: 'log catalog-api-5d8f9c7b6d-q2xkp: "[2026-11-15 03:13:00 +0000] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)"' });
    expect(findIpv4OnlyBind(container({ ports: [] }), [log(['LOG:  listening on IPv4 address "0.0.0.0", port 5432'])], 5432)?.address).toBe('0.0.0.0:5432');
  });

  it('says nothing when the server also listens on IPv6, binds another port, or runs where 0.0.0.0 is dual-stack', () => {
    expect(findIpv4OnlyBind(container({ command: ['gunicorn', '--bind', '0.0.0.0:8000', '--bind', '[::]:8000'] }), [], 8000)).toBeUndefined();
    expect(findIpv4OnlyBind(container({ ports: [] }), [log(['LOG:  listening on IPv4 address "0.0.0.0", port 5432', 'LOG:  listening on IPv6 address "::", port 5432'])], 5432)).toBeUndefined();
    expect(findIpv4OnlyBind(container({ command: ['gunicorn', '--bind', '0.0.0.0:9000'] }), [], 8000)).toBeUndefined();
    // The JVM (and Go's net.Listen "tcp") open an unspecified 0.0.0.0 as a dual-stack socket.
    expect(findIpv4OnlyBind(container({ command: ['java', '-jar', '/app.jar', '--server.address=0.0.0.0'], ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] }), [], 8080)).toBeUndefined();
    // A peer's address is not a bind.
    expect(findIpv4OnlyBind(container({ env: [{ name: 'UPSTREAM_URL', value: 'http://0.0.0.0:8080' }] }), [log(['dial tcp 0.0.0.0:8080: connect: connection refused'])], 8080)).toBeUndefined();
  });
});

describe('readServiceFamilies', () => {
  it('reads spec.ipFamilies, else the family of the ClusterIP', () => {
    expect(readServiceFamilies(service({ ipFamilies: ['IPv6'], ipFamilyPolicy: 'SingleStack', clusterIP: 'fd00:10:96::5c1e' }))).toEqual(['IPv6']);
    expect(readServiceFamilies(service({ clusterIP: 'fd00:10:96::5c1e' }))).toEqual(['IPv6']);
    expect(readServiceFamilies(service({ clusterIP: '172.20.14.9' }))).toEqual(['IPv4']);
    expect(readServiceFamilies(service())).toEqual([]);
  });
});

describe('pickFamilyMismatchServices', () => {
  const gunicorn = container({ command: ['gunicorn', '--bind', '0.0.0.0:8080', 'catalog.wsgi:app'] });
  const pods = [pod(0, { containers: [gunicorn] })];
  const v6 = service({ clusterIP: 'fd00:10:96::5c1e', ipFamilies: ['IPv6'], ipFamilyPolicy: 'SingleStack' });

  it('names the workload\'s IPv6-only Services its IPv4-only server cannot answer: their callers are refused', () => {
    expect(pickFamilyMismatchServices({ pods, services: [v6, service({ name: 'other', selector: { app: 'other' }, clusterIP: 'fd00:10:96::77' })], logs: [] })).toEqual([{ name: APP, clusterIP: 'fd00:10:96::5c1e' }]);
  });

  it('names none when the Service reaches IPv4 or the server listens on IPv6 too', () => {
    expect(pickFamilyMismatchServices({ pods, services: [service({ clusterIP: '172.20.14.9', ipFamilies: ['IPv4', 'IPv6'], ipFamilyPolicy: 'PreferDualStack' })], logs: [] })).toEqual([]);
    expect(pickFamilyMismatchServices({ pods: [pod(0, { containers: [container({ command: ['gunicorn', '--bind', '[::]:8080'] })] })], services: [v6], logs: [] })).toEqual([]);
  });
});
