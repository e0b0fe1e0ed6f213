import { describe, expect, it } from 'vitest';
import { explainProbeMiss } from '../../../src/domain/triage/probe-failures.js';
import type { ContainerSpecEvidence, LogEvidence, ProbeEvidence } from '../../../src/domain/triage/evidence.js';

const probe: ProbeEvidence = { type: 'http', port: 8000, path: '/healthz/' };
const spec = (env: ContainerSpecEvidence['env'] = []): Pick<ContainerSpecEvidence, 'ports' | 'env'> => ({ ports: [{ containerPort: 8000, protocol: 'TCP' }], env });
const logs = (...lines: string[]): LogEvidence[] => [{ pod: 'web-1', container: 'app', previous: false, lines }];
const BAD_REQUEST = 'Liveness probe failed: HTTP probe failed with statuscode: 400';
const DJANGO = "ERROR 2025-03-01 10:00:00,123 django.security.DisallowedHost Invalid HTTP_HOST header: '10.0.3.7:8000'. You may need to add '10.0.3.7' to ALLOWED_HOSTS.";

describe('explainProbeMiss: host validation', () => {
  it('reads a 400 with Django\'s DisallowedHost for the pod IP as the app rejecting the probe\'s Host header, naming the setting', () => {
    const miss = explainProbeMiss(probe, spec([{ name: 'DJANGO_ALLOWED_HOSTS', value: 'shop.example,www.shop.example' }]), BAD_REQUEST, logs(
      'Listening at: http://0.0.0.0:8000 (1)',
      DJANGO,
      '10.0.3.1 - - [01/Mar/2025:10:00:00 +0000] "GET /healthz/ HTTP/1.1" 400 143 "-" "kube-probe/1.31"',
    ));
    expect(miss?.scope).toBe("the app rejects the probe's Host header 10.0.3.7:8000 (the pod IP) as not in ALLOWED_HOSTS (env DJANGO_ALLOWED_HOSTS=shop.example,www.shop.example) and answers 400");
    expect(miss?.decisive).toBe("Invalid HTTP_HOST header: '10.0.3.7:8000'. You may need to add '10.0.3.7' to ALLOWED_HOSTS.");
    expect(miss?.fix).toBe('let the probe past host validation: set httpGet.httpHeaders Host on the probe to a name ALLOWED_HOSTS allows (e.g. shop.example), or exempt /healthz/ from the host check');
  });

  it('reads Rails HostAuthorization (403) and ASP.NET host filtering (400) the same way, and names no env var when none holds the setting', () => {
    const rails = explainProbeMiss({ type: 'http', port: 3000, path: '/up' }, { ports: [] }, 'Readiness probe failed: HTTP probe failed with statuscode: 403', logs(
      '[ActionDispatch::HostAuthorization::DefaultResponseApp] Blocked hosts: 10.0.3.7:3000',
    ));
    expect(rails?.scope).toBe("the app rejects the probe's Host header 10.0.3.7:3000 (the pod IP) as not in config.hosts and answers 403");
    expect(rails?.fix).toBe('let the probe past host validation: set httpGet.httpHeaders Host on the probe to a name config.hosts allows, or exempt /up from the host check');
    const aspnet = explainProbeMiss({ type: 'http', port: 8080, path: '/health' }, { ports: [], env: [{ name: 'AllowedHosts', value: 'api.example' }] }, BAD_REQUEST, logs(
      "dbug: Microsoft.AspNetCore.HostFiltering.HostFilteringMiddleware[0] The host '10.0.3.7:8080' does not match an allowed host.",
    ));
    expect(aspnet?.scope).toBe("the app rejects the probe's Host header 10.0.3.7:8080 (the pod IP) as not in AllowedHosts (env AllowedHosts=api.example) and answers 400");
  });

  it('does not blame host validation for hosts that are not the probe\'s, other statuses, or probes that send no HTTP', () => {
    // A scanner's forged name is rejected too, but the probe's own Host is the pod IP.
    const scanner = "Invalid HTTP_HOST header: 'evil.example'. You may need to add 'evil.example' to ALLOWED_HOSTS.";
    expect(explainProbeMiss(probe, spec(), BAD_REQUEST, logs(scanner))).toBeUndefined();
    expect(explainProbeMiss(probe, spec(), 'Liveness probe failed: HTTP probe failed with statuscode: 503', logs(DJANGO))).toBeUndefined();
    expect(explainProbeMiss({ type: 'tcp', port: 8000 }, spec(), BAD_REQUEST, logs(DJANGO))).toBeUndefined();
    expect(explainProbeMiss(probe, spec(), BAD_REQUEST, logs('Listening at: http://0.0.0.0:8000 (1)'))).toBeUndefined();
  });
});
