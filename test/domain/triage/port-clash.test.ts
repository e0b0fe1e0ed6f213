import { describe, expect, it } from 'vitest';
import { describePortClash, findPortInUse } from '../../../src/domain/triage/port-clash.js';
import { container, pod } from './scenarios/builders.js';

describe('findPortInUse', () => {
  it.each([
    ['Error: listen EADDRINUSE: address already in use :::8080', 8080],
    ['Error: listen EADDRINUSE: address already in use 0.0.0.0:3000', 3000],
    ['listen tcp :9090: bind: address already in use', 9090],
    ['2026/11/21 03:12:41 [emerg] 1#1: bind() to 0.0.0.0:80 failed (98: Address already in use)', 80],
    ['Web server failed to start. Port 8080 was already in use.', 8080],
    ["[2026-11-21 03:12:41 +0000] [1] [ERROR] Connection in use: ('0.0.0.0', 8000)", 8000],
  ])('reads the port from %s', (line, port) => {
    expect(findPortInUse(line)).toBe(port);
  });

  it('says nothing about other errors, nor about a bind failure that names no port', () => {
    expect(findPortInUse('Error: connect ECONNREFUSED 10.0.0.7:5432')).toBeUndefined();
    expect(findPortInUse('OSError: [Errno 98] Address already in use')).toBeUndefined();
  });
});

describe('describePortClash', () => {
  const app = container({ name: 'app', ports: [{ name: 'app', containerPort: 3000, protocol: 'TCP' }] });
  const nginx = container({ name: 'nginx', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }], probes: {} });
  const line = 'Error: listen EADDRINUSE: address already in use 0.0.0.0:8080';

  it('names the other container of the pod that declares the port, and notes the port the failing one declares instead', () => {
    expect(describePortClash(line, pod(0, { containers: [app, nginx] }), 'app')).toEqual({ port: 8080, holders: ['nginx'], declaredElsewhere: [3000] });
  });

  it('finds a holder by the port its probe checks, and a native sidecar among the init containers', () => {
    const probed = container({ name: 'envoy', ports: [], probes: { readiness: { type: 'http', path: '/ready', port: 8080 } } });
    const sidecar = container({ name: 'proxy', sidecar: true, ports: [{ containerPort: 8080, protocol: 'TCP' }] });
    expect(describePortClash(line, pod(0, { containers: [app, probed] }), 'app')?.holders).toEqual(['envoy']);
    expect(describePortClash(line, pod(0, { containers: [app], initContainers: [sidecar] }), 'app')?.holders).toEqual(['proxy']);
  });

  it('names no holder when no other container has the port, and no mismatch when the container declares it', () => {
    const self = container({ name: 'app', ports: [{ containerPort: 8080, protocol: 'TCP' }] });
    expect(describePortClash(line, pod(0, { containers: [self, container({ name: 'log-shipper', ports: [], probes: {} })] }), 'app')).toEqual({ port: 8080, holders: [], declaredElsewhere: [] });
  });
});
