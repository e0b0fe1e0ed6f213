import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../../src/domain/triage/analyzers/exit-code.js';
import type { EnvVarEvidence } from '../../../../src/domain/triage/evidence-spec.js';
import { terminated } from '../scenarios/builders.js';
import { crashScenario } from '../scenarios/crashes.js';

const KESTREL_LOG = [
  'crit: Microsoft.AspNetCore.Server.Kestrel[0]',
  '      Unable to start Kestrel.',
  '      System.InvalidOperationException: Unable to configure HTTPS endpoint. No server certificate was specified, and the default developer certificate could not be found or is out of date.',
  "      To generate a developer certificate run 'dotnet dev-certs https'.",
  '         at Microsoft.AspNetCore.Hosting.ListenOptionsHttpsExtensions.UseHttps(ListenOptions listenOptions)',
  'Unhandled exception. System.InvalidOperationException: Unable to configure HTTPS endpoint. No server certificate was specified, and the default developer certificate could not be found or is out of date.',
  '   at Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerImpl.StartAsync[TContext](IHttpApplication`1 application, CancellationToken cancellationToken)',
];

function kestrelCrash(env: EnvVarEvidence[]) {
  const ev = crashScenario(1, () => terminated(134, 'Error', 2, { runSeconds: 1 }), { logs: KESTREL_LOG });
  const pod = ev.pods[0]!;
  pod.containers = [{ ...pod.containers[0]!, env }];
  return analyzeExitCodes(ev)[0];
}

describe('Kestrel without a certificate for its https endpoint', () => {
  it('names the setting that asks for https and the two ways out, and quotes the refusal without its dev-certs advice', () => {
    const f = kestrelCrash([{ name: 'ASPNETCORE_ENVIRONMENT', value: 'Staging' }, { name: 'ASPNETCORE_URLS', value: 'https://+:5001;http://+:5000' }]);
    expect(f?.title).toBe('Container app aborts (SIGABRT, exit 134) on 1/5 pods: Kestrel has no certificate for the https endpoint ASPNETCORE_URLS asks for');
    expect(f?.decisive).toBe('System.InvalidOperationException: Unable to configure HTTPS endpoint. No server certificate was specified…');
    expect(f?.fix).toMatch(/^drop the https URL from ASPNETCORE_URLS .* or give Kestrel a certificate/);
    expect(f?.evidence).toContain('env ASPNETCORE_URLS=https://+:5001;http://+:5000; no Kestrel certificate is configured');
    expect(f?.confidence).toBe('high');
  });

  it('reads an https endpoint set through Kestrel__Endpoints, and still tells the refusal when no env sets one', () => {
    expect(kestrelCrash([{ name: 'Kestrel__Endpoints__Secure__Url', value: 'https://0.0.0.0:7443' }])?.title).toContain('Kestrel__Endpoints__Secure__Url asks for');
    expect(kestrelCrash([])?.title).toContain('Kestrel has no certificate for the https endpoint it is asked for');
  });
});
