// Pods newly given Linkerd's proxy talk SMTP (the server speaks first) through it to a relay on a
// port not marked opaque: the proxy holds each connection in protocol detection until it times out,
// and the client gives up on the greeting. The injection is the cause, not the relay or the app.
import { describe, expect, it } from 'vitest';
import { analyzeMeshProtocolDetection } from '../../../../src/domain/triage/analyzers/mesh-protocol-detection.js';
import { runAnalyzers } from '../../../../src/domain/triage/analyzers/index.js';
import { rankFindings } from '../../../../src/domain/triage/rank-findings.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { diagnose } from '../../../../src/domain/triage/verdict/diagnose.js';
import { baseEvidence, container, pod, service } from '../scenarios/builders.js';

const PROXY = container({ name: 'linkerd-proxy', image: 'cr.l5d.io/linkerd/proxy:stable-2.14.10', env: [{ name: 'LINKERD2_PROXY_INBOUND_PORTS_DISABLE_PROTOCOL_DETECTION', value: '25,587,3306' }] });
const meshed = (i: number): PodEvidence => {
  const p = pod(i, { ready: false });
  return { ...p, containers: [...p.containers, PROXY] };
};
const APP_LOG = [
  'ERROR mailer: send failed',
  'smtplib.SMTPServerDisconnected: Connection unexpectedly closed: timed out waiting for greeting',
];
const detection = (s: number): string => `[ ${s}.5s]  INFO ThreadId(01) outbound:proxy{addr=10.96.7.7:2525}: linkerd_detect: Continuing after timeout: linkerd_proxy_http::version::Version protocol detection timed out after 10s`;

function scenario(proxyLines: string[], namespaced = true): TriageEvidence {
  const pods = [pod(0), pod(1), meshed(2), meshed(3), meshed(4)];
  const base = baseEvidence();
  return baseEvidence({
    pods,
    services: [...base.services, service({ name: 'mail-relay', clusterIP: '10.96.7.7', selector: { app: 'mail-relay' }, ports: [{ name: 'smtp', port: 2525, targetPort: 2525, protocol: 'TCP' }] })],
    logs: pods.slice(2).map((p) => ({ pod: p.name, container: 'app', previous: false, lines: APP_LOG })),
    meshControlPlane: { mesh: 'Linkerd', namespace: 'linkerd', proxyLog: { pod: pods[2]?.name ?? '', container: 'linkerd-proxy', previous: false, lines: proxyLines }, logs: [], complete: true },
    ...(namespaced ? { namespaceObjects: [{ kind: 'Namespace', name: base.target.namespace, meshInjection: { mesh: 'Linkerd', setting: 'linkerd.io/inject: enabled' } }] } : {}),
  });
}

describe('a mesh proxy holding a server-speaks-first port in protocol detection', () => {
  it('names the proxy, the port not opaque and the injection, and explains the failed probes', () => {
    const ev = scenario([detection(40), detection(250)]);
    const [f] = analyzeMeshProtocolDetection(ev);
    expect(f?.title).toContain('Linkerd proxy, injected since namespace');
    expect(f?.title).toContain('holds SMTP connections to mail-relay:2525 in protocol detection: port 2525 is not opaque');
    expect(f?.fix).toContain('config.linkerd.io/opaque-ports: "2525" on Service mail-relay');
    expect(f?.evidence.join('\n')).toContain('only on ports 25,587,3306: 2525 is not among them');
    expect(f?.outsideWorkload).toContain('linkerd.io/inject: enabled');
    expect(f?.affected?.pods).toEqual(ev.pods.slice(2).map((p) => p.name));
    const d = diagnose(ev, rankFindings(runAnalyzers(ev).findings));
    expect(d?.headline).toMatch(/^Linkerd proxy/);
    expect(d?.headline).not.toMatch(/roll back to/i);
  });

  it('leaves the trigger to the revision when no namespace asks for injection', () => {
    const [f] = analyzeMeshProtocolDetection(scenario([detection(40)], false));
    expect(f?.outsideWorkload).toBeUndefined();
    expect(f?.datesChange).toBeUndefined();
  });

  it('says nothing when the proxy detected every protocol', () => {
    expect(analyzeMeshProtocolDetection(scenario(['[ 0.1s]  INFO ThreadId(01) linkerd2_proxy: Outbound interface on 127.0.0.1:4140']))).toEqual([]);
  });
});
