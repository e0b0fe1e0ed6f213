import { describe, expect, it } from 'vitest';
import { explainOtherPortProbe } from '../../../src/domain/triage/probe-other-port.js';

const REFUSED = 'Liveness probe failed: Get "http://10.0.47.208:80/health/live": dial tcp 10.0.47.208:80: connect: connection refused';
const ASPNET = ['info: Microsoft.Hosting.Lifetime[14]', '      Now listening on: http://[::]:8080', 'info: Microsoft.Hosting.Lifetime[0]', '      Application started. Press Ctrl+C to shut down.'];

describe('explainOtherPortProbe', () => {
  it('names the port the app says it listens on against the refused probe port, and ASP.NET Core 8\'s default', () => {
    const miss = explainOtherPortProbe(80, REFUSED, ASPNET);
    expect(miss?.scope).toBe('the app listens on :8080 — its log: "Now listening on: http://[::]:8080" — while the probes dial :80, so they are refused (ASP.NET Core\'s default since .NET 8: ASPNETCORE_HTTP_PORTS=8080)');
    expect(miss?.fix).toBe('set ASPNETCORE_HTTP_PORTS=80 (or ASPNETCORE_URLS=http://+:80), or move the probes, the containerPort and the Service\'s targetPort to :8080');
  });

  it('reads any framework\'s listen line, without naming a default it does not show', () => {
    const miss = explainOtherPortProbe(8080, 'Readiness probe failed: dial tcp 10.0.1.4:8080: connect: connection refused', ['Tomcat started on port(s): 8081 (http) with context path \'\'']);
    expect(miss?.fix).toBe('make the app listen on :8080 (its port setting), or move the probes, the containerPort and the Service\'s targetPort to :8081');
  });

  it('says nothing when the app also listens on the probed port, only on loopback or a metrics port, or the probe is not refused', () => {
    expect(explainOtherPortProbe(80, REFUSED, [...ASPNET, 'Now listening on: http://[::]:80'])).toBeUndefined();
    expect(explainOtherPortProbe(80, REFUSED, ['metrics listening on :9100', 'listening on 127.0.0.1:8080'])).toBeUndefined();
    expect(explainOtherPortProbe(80, 'Liveness probe failed: HTTP probe failed with statuscode: 503', ASPNET)).toBeUndefined();
  });
});
