import { describe, expect, it } from 'vitest';
import { explainProbeMiss } from '../../../src/domain/triage/probe-failures.js';
import type { ContainerSpecEvidence, LogEvidence, ProbeEvidence } from '../../../src/domain/triage/evidence.js';

// A probe answered 404 by an app that is up: a context path or base path set in its config moved
// every endpoint, health included, and the probe still asks the old path.
const NOT_FOUND = 'Liveness probe failed: HTTP probe failed with statuscode: 404';
const actuator: ProbeEvidence = { type: 'http', port: 8080, path: '/actuator/health/liveness' };
const spec = (env: ContainerSpecEvidence['env'] = []): Pick<ContainerSpecEvidence, 'ports' | 'env'> => ({ ports: [{ containerPort: 8080, protocol: 'TCP' }], env });
const logs = (...lines: string[]): LogEvidence[] => [{ pod: 'web-1', container: 'app', previous: true, lines }];
const started = (port: number, path: string) => `2026-01-05T10:00:02.118Z  INFO 1 --- [web] [main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port ${port} (http) with context path '${path}'`;

describe('a probe 404 from an app whose base path moved', () => {
  it('reads the context path the app logs at its start, and names where the probe should ask', () => {
    const miss = explainProbeMiss(actuator, spec(), NOT_FOUND, logs(started(8080, '/v2')));
    expect(miss?.scope).toBe('the app serves under context path /v2, so GET /actuator/health/liveness answers 404 while it is up at /v2/actuator/health/liveness');
    expect(miss?.fix).toBe('set the context path back (server.servlet.context-path), or point the probe at /v2/actuator/health/liveness');
    expect(miss?.decisive).toMatch(/with context path '\/v2'$/);
    expect(miss?.action).not.toMatch(/initialDelay|timeoutSeconds|failureThreshold|startup/i);
  });

  it('reads the actuator base path the app logs, under its context path', () => {
    const miss = explainProbeMiss(actuator, spec(), NOT_FOUND, logs(started(8080, ''), '2026-01-05T10:00:01.9Z  INFO 1 --- [main] o.s.b.a.e.web.EndpointLinksResolver : Exposing 3 endpoints beneath base path \'/manage\''));
    expect(miss?.scope).toBe('the app serves under actuator base path /manage, so GET /actuator/health/liveness answers 404 while it is up at /manage/health/liveness');
    expect(miss?.fix).toMatch(/^set the actuator base path back \(management\.endpoints\.web\.base-path\)/);
  });

  it('reads a base path the container env sets when the log says nothing', () => {
    const probe: ProbeEvidence = { type: 'http', port: 8080, path: '/healthz' };
    const miss = explainProbeMiss(probe, spec([{ name: 'BASE_PATH', value: '/shop' }]), 'Readiness probe failed: HTTP probe failed with statuscode: 404', []);
    expect(miss?.scope).toBe('the app serves under context path /shop, so GET /healthz answers 404 while it is up at /shop/healthz');
    expect(miss?.why).toMatch(/its env sets BASE_PATH=\/shop/);
  });

  it('stays silent when the path did not move, the probe asks under it, the status is not 404, or the log is of another port', () => {
    expect(explainProbeMiss(actuator, spec(), NOT_FOUND, logs(started(8080, '')))).toBeUndefined();
    expect(explainProbeMiss(actuator, spec(), NOT_FOUND, logs(started(8080, '/')))).toBeUndefined();
    expect(explainProbeMiss({ ...actuator, path: '/v2/actuator/health/liveness' }, spec(), NOT_FOUND, logs(started(8080, '/v2')))).toBeUndefined();
    expect(explainProbeMiss(actuator, spec(), 'Liveness probe failed: HTTP probe failed with statuscode: 503', logs(started(8080, '/v2')))).toBeUndefined();
    expect(explainProbeMiss(actuator, spec(), NOT_FOUND, logs(started(8081, '/v2')))).toBeUndefined();
    expect(explainProbeMiss(actuator, spec([{ name: 'BASE_PATH', ref: { kind: 'configMap', name: 'web', key: 'base' } }]), NOT_FOUND, [])).toBeUndefined();
    // A directory setting is not where the app serves.
    expect(explainProbeMiss(actuator, spec([{ name: 'DATA_ROOT_PATH', value: '/var/lib/web' }]), NOT_FOUND, [])).toBeUndefined();
  });
});
