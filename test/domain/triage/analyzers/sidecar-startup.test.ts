import { describe, expect, it } from 'vitest';
import { analyzeSidecarStartup } from '../../../../src/domain/triage/analyzers/sidecar-startup.js';
import { runAnalyzers } from '../../../../src/domain/triage/analyzers/index.js';
import type { PodTemplateEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { rankFindings } from '../../../../src/domain/triage/rank-findings.js';
import { diagnose } from '../../../../src/domain/triage/verdict/diagnose.js';
import { REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, running, terminated } from '../scenarios/builders.js';

const REFUSED = '{"level":60,"msg":"could not load remote configuration, exiting","err":{"message":"fetch failed: connect ECONNREFUSED 172.20.88.14:8080"}}';
const HOLD = { 'proxy.istio.io/config': 'holdApplicationUntilProxyStarts: true\n' };

function template(annotations: Record<string, string>): PodTemplateEvidence {
  return { annotations, initContainers: [], volumes: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] } };
}

/**
 * Three pods of revision 7, each with the injected istio-proxy beside the app: the app's previous
 * run ended a second after it started on a refused call, and it runs now.
 */
function racedPods(newAnnotations: Record<string, string>, opts: { appRunsNow?: boolean } = {}): TriageEvidence {
  const proxy = container({ name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.22.3', ports: [], probes: {} });
  const pods = [0, 1, 2].map((i) =>
    pod(i, {
      revisionHash: REV7.hash,
      injectedContainers: [{ name: 'istio-proxy', by: 'the Istio sidecar injector' }],
      containers: [
        container({ restartCount: 2, lastState: terminated(1, 'Error', 30, { runSeconds: 1 }), ...(opts.appRunsNow === false ? { state: { waiting: { reason: 'CrashLoopBackOff' } }, ready: false } : { state: running(29) }) }),
        proxy,
      ],
    }),
  );
  return baseEvidence({
    pods,
    revisions: [
      revision(REV6, minutesAgo(6 * 24 * 60), { template: template(HOLD) }),
      revision(REV7, minutesAgo(35), { replicas: 3, template: template(newAnnotations) }),
    ],
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: true, lines: ['{"level":30,"msg":"fetching remote configuration"}', REFUSED] })),
  });
}

describe('an app that starts before its mesh proxy sidecar', () => {
  it('names the race, the sidecar and the setting the revision removed', () => {
    const [f] = analyzeSidecarStartup(racedPods({}));
    expect(f?.title).toMatch(/^app starts before its istio-proxy sidecar \(Istio\) is ready: .*3\/5 pods.*; revision 7 removed proxy\.istio\.io\/config \(holdApplicationUntilProxyStarts: true\)$/);
    expect(f?.decisive).toBe('could not load remote configuration, exiting: fetch failed: connect ECONNREFUSED 172.20.88.14:8080');
    expect(f?.evidence.join('\n')).toMatch(/revision 7: pod annotation removed proxy\.istio\.io\/config/);
    expect(f?.fix).toMatch(/proxy\.istio\.io\/config: "holdApplicationUntilProxyStarts: true"/);
    expect(f?.confidence).toBe('high');
  });

  it('is the verdict over the exits it causes', () => {
    const ev = racedPods({});
    const report = diagnose(ev, rankFindings(runAnalyzers(ev).findings))!;
    expect(report.headline).toMatch(/istio-proxy sidecar/);
    expect(report.headline).toMatch(/holdApplicationUntilProxyStarts/);
  });

  it('says nothing when the template holds the app until the proxy starts', () => {
    expect(analyzeSidecarStartup(racedPods(HOLD))).toEqual([]);
  });

  it('says nothing when the app never comes up: the refusals then outlast any proxy start', () => {
    expect(analyzeSidecarStartup(racedPods({}, { appRunsNow: false }))).toEqual([]);
  });

  it('says nothing without a mesh proxy in the pod', () => {
    const ev = racedPods({});
    ev.pods = ev.pods.map((p) => ({ ...p, containers: p.containers.filter((c) => c.name !== 'istio-proxy') }));
    expect(analyzeSidecarStartup(ev)).toEqual([]);
  });
});
