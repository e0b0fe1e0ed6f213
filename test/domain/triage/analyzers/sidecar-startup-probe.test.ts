import { describe, expect, it } from 'vitest';
import { analyzeSignalKills } from '../../../../src/domain/triage/analyzers/signal-kill.js';
import type { ContainerEvidence, ProbeEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import {
  NS, NOW, REV7, baseEvidence, container, event, minutesAgo, pod, revision, revisionContainer, terminated, workload,
} from '../scenarios/builders.js';

const times = { startedAt: NOW, finishedAt: NOW };
const FILE_PROBE: ProbeEvidence = { type: 'exec', command: 'sh -c test -s /secrets/config.env', periodSeconds: 5, failureThreshold: 24 };

const AUTH_ERROR = [
  '2026-11-21T03:13:30.000Z [INFO]  agent.auth.handler: authenticating',
  '2026-11-21T03:13:30.000Z [ERROR] agent.auth.handler: error authenticating:',
  '  error=',
  '  | Error making API request.',
  '  | ',
  '  | URL: PUT https://secrets.secrets.svc:8200/v1/auth/kubernetes/login',
  '  | Code: 400. Errors:',
  '  | ',
  '  | * invalid role name "payments-api"',
  '   backoff=2.31s',
];

/**
 * Revision 7 (30 minutes ago) added a native sidecar, secrets-agent (an init container with
 * restartPolicy Always), whose exec startup probe waits for a file it should render. Its one pod
 * is Pending: the kubelet kills the sidecar for the failed probe (exit 0) and never starts the app.
 */
function sidecarNeverStarts(opts: { logs?: string[]; probe?: ProbeEvidence } = {}): TriageEvidence {
  const agent: ContainerEvidence = container({
    name: 'secrets-agent', image: 'hashicorp/vault:1.17.6', ports: [], sidecar: true,
    probes: { startup: opts.probe ?? FILE_PROBE },
    state: { running: { startedAt: minutesAgo(1.6) } },
    lastState: terminated(0, 'Completed', 1.7, { runSeconds: 120 }),
    restartCount: 7, ready: false,
  });
  const fresh = pod(5, {
    revisionHash: REV7.hash, phase: 'Pending', ready: false, createdAt: minutesAgo(29), startTime: minutesAgo(29),
    initContainers: [agent],
    containers: [container({ state: { waiting: { reason: 'PodInitializing' } }, ready: false })],
  });
  const on = { kind: 'Pod', name: fresh.name, namespace: NS, fieldPath: 'spec.initContainers{secrets-agent}' };
  const base = baseEvidence({
    pods: [...[0, 1, 2, 3, 4].map((i) => pod(i)), fresh],
    events: [
      event({ object: on, reason: 'Unhealthy', message: 'Startup probe failed: ', count: 170, firstSeen: minutesAgo(28), lastSeen: minutesAgo(0.1) }),
      event({ object: on, type: 'Normal', reason: 'Killing', message: 'Container secrets-agent failed startup probe, will be restarted', count: 7, firstSeen: minutesAgo(26), lastSeen: minutesAgo(1.7) }),
    ],
    logs: [
      { pod: fresh.name, container: 'secrets-agent', previous: false, lines: opts.logs ?? [...AUTH_ERROR] },
      { pod: fresh.name, container: 'secrets-agent', previous: true, lines: [...(opts.logs ?? AUTH_ERROR), '2026-11-21T03:12:18.000Z [INFO]  agent: shutdown triggered, stopping lifecycle'] },
    ],
    workload: workload({ specReplicas: 5, replicas: 6, readyReplicas: 5, availableReplicas: 5, updatedReplicas: 1, currentRevision: 7 }),
  });
  return {
    ...base,
    revisions: [
      ...base.revisions,
      revision(REV7, minutesAgo(30), {
        replicas: 1,
        containers: [revisionContainer({ image: base.revisions[1]?.containers[0]?.image.replace('2.14.0', '2.15.0') ?? '' })],
        template: { initContainers: [{ ...revisionContainer({ name: 'secrets-agent', image: 'hashicorp/vault:1.17.6', env: [], envFrom: [] }) }], volumes: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] } },
      }),
    ].map((r) => (r.template ? r : { ...r, template: { initContainers: [], volumes: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] } } })),
  };
}

describe('a native sidecar whose startup probe never passes', () => {
  it('is read like any container: the kubelet kills it for the probe, though it exits 0', () => {
    const [f] = analyzeSignalKills(sidecarNeverStarts());
    expect(f?.kind).toBe('liveness-kill');
    expect(f?.title).toMatch(/^Startup probe is killing sidecar secrets-agent \(1\/6 pods, exit 0\)/);
  });

  it('says why from the sidecar\'s own log when the exec probe says nothing, and that the app never starts', () => {
    const [f] = analyzeSignalKills(sidecarNeverStarts());
    expect(f?.title).toContain('its log says "invalid role name "payments-api"" (its login is refused)');
    expect(f?.title).toContain('the app containers never start until it passes');
    expect(f?.decisive).toBe('invalid role name "payments-api"');
    expect(f?.likelyCause).toContain('native sidecar');
    expect(f?.nextAction).not.toMatch(/relax the startup probe/);
    expect(f?.fix).toContain('the identity or role it logs in with');
  });

  it('names the sidecar and the revision that added it in the headline, not the image bump beside it', () => {
    const { headline } = buildTriageReport(sidecarNeverStarts(), times);
    expect(headline).toMatch(/^Since revision 7 \(30m ago: init container secrets-agent added \(hashicorp\/vault:1\.17\.6\)\): Startup probe is killing sidecar secrets-agent/);
    expect(headline).toContain('invalid role name');
    expect(headline).not.toMatch(/crash-?loop|OOM/i);
  });

  it('leaves the probe\'s own reading when the sidecar\'s log names no error', () => {
    const [f] = analyzeSignalKills(sidecarNeverStarts({ logs: ['2026-11-21T03:13:30.000Z [INFO]  agent: rendering templates'] }));
    expect(f?.title).not.toContain('its log says');
    expect(f?.decisive).toBe('Startup probe failed:');
  });

  it('keeps the probe\'s own reading when the exec probe timed out: a slow check says why itself', () => {
    const ev = sidecarNeverStarts();
    ev.events = ev.events.map((e) => (e.reason === 'Unhealthy' ? { ...e, message: 'Startup probe failed: command "sh -c test -s /secrets/config.env" timed out' } : e));
    const [f] = analyzeSignalKills(ev);
    expect(f?.title).not.toContain('its log says');
  });
});
