import { describe, expect, it } from 'vitest';
import { analyzeMeshInitRedirect } from '../../../../src/domain/triage/analyzers/mesh-init-redirect.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NS, REV7, baseEvidence, container, crashLooping, minutesAgo, pod, terminated } from '../scenarios/builders.js';

const CURL = [
  'Warning: Problem : connection refused. Will retry in 4 seconds. 1 retry left.',
  'curl: (7) Failed to connect to config-server.platform.svc.cluster.local port 8888 after 0 ms: Could not connect to server',
];

/** A pod created after injection: istio-init, then the app's own init container, with istio-proxy a regular container. */
function injectedPod(o: { nativeProxy?: boolean } = {}): PodEvidence {
  const p = pod(3, { revisionHash: REV7.hash, ready: false, createdAt: minutesAgo(26) });
  const proxy = container({ name: 'istio-proxy', state: { waiting: { reason: 'PodInitializing' } }, ready: false });
  return {
    ...p,
    initContainers: [
      container({ name: 'istio-init', state: terminated(0, 'Completed', 25), ready: false }),
      ...(o.nativeProxy ? [{ ...proxy, sidecar: true }] : []),
      crashLooping(p.name, terminated(7, 'Error', 1.4), 9, { name: 'fetch-config' }),
    ],
    containers: [container({ state: { waiting: { reason: 'PodInitializing' } }, ready: false }), ...(o.nativeProxy ? [] : [proxy])],
  };
}

function injected(o: { nativeProxy?: boolean; labelled?: boolean } = {}): TriageEvidence {
  const p = injectedPod(o);
  return baseEvidence({
    pods: [pod(0), pod(1), pod(2), p],
    logs: [{ pod: p.name, container: 'fetch-config', previous: true, lines: CURL }],
    namespaceObjects: o.labelled === false ? [] : [{ kind: 'Namespace', name: NS, createdAt: minutesAgo(400 * 24 * 60), changedAt: minutesAgo(192), meshInjection: { mesh: 'Istio', setting: 'istio-injection=enabled' } }],
  });
}

describe('an app init container behind the mesh\'s redirect, before the proxy exists', () => {
  it('names istio-init\'s redirect with no proxy yet, the namespace label, and clears the revision', () => {
    const [f] = analyzeMeshInitRedirect(injected());
    expect(f?.title).toBe('Init container fetch-config runs after istio-init and before the Istio proxy exists: istio-init\'s iptables redirect its connections to istio-proxy (port 15001), which starts only after every init container, so they are refused (1/5 pods); namespace payments is labelled istio-injection=enabled (last changed 3h 12m ago); the 3 pods created before have no istio-proxy');
    expect(f?.fix).toBe('exclude the init container\'s traffic from the redirect (traffic.sidecar.istio.io/excludeOutboundPorts: "8888" on the pod template), run fetch-config as uid 1337, or run istio-proxy as a native sidecar (ENABLE_NATIVE_SIDECARS, Kubernetes 1.29+)');
    expect(f?.outsideWorkload).toMatch(/whatever their revision/);
    expect(f?.decisive).toMatch(/^curl: \(7\)/);
  });

  it('still reads injection without the namespace label, but not a proxy that runs as a native sidecar before the init container', () => {
    expect(analyzeMeshInitRedirect(injected({ labelled: false }))[0]?.title).toMatch(/; Istio injects istio-proxy into the new pods; the 3 pods created before have no istio-proxy$/);
    expect(analyzeMeshInitRedirect(injected({ nativeProxy: true }))).toEqual([]);
  });
});
