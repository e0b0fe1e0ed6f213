import { describe, expect, it } from 'vitest';
import { analyzePreStopOverrun } from '../../../../src/domain/triage/analyzers/prestop-overrun.js';
import { readHookSleepSeconds } from '../../../../src/domain/triage/prestop-grace.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { PodTemplateEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { APP, IMAGE_V15, NOW, NS, REV6, REV7, baseEvidence, event, minutesAgo, pod, revision, revisionContainer } from '../scenarios/builders.js';

const REV5 = { revision: 5, hash: '6b8c7d5f9a' };
const template = (grace?: number): PodTemplateEvidence => ({ initContainers: [], volumes: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] }, ...(grace === undefined ? {} : { terminationGracePeriodSeconds: grace }) });
const drain = { name: 'SHUTDOWN_DRAIN_TIMEOUT', value: '25s' };

/**
 * Revision 6 (2 days ago) added preStop `sleep 45` and kept the default 30 s grace; revision 7 (5 min
 * ago) only bumps the image. Its rollout scaled revision 6 down: two of its pods still Terminating.
 */
function overrun(opts: { hook?: string; stops?: boolean; grace?: number } = {}): TriageEvidence {
  const hook = opts.hook ?? 'sleep 45';
  const stops = opts.stops ?? true;
  const with6 = revisionContainer({ env: [drain], hooks: { preStop: hook } });
  const revisions = [
    revision(REV5, minutesAgo(12 * 24 * 60), { containers: [revisionContainer({ env: [drain] })], template: template(30) }),
    revision(REV6, minutesAgo(2 * 24 * 60), { containers: [with6], template: template(opts.grace ?? 30), replicas: 2 }),
    revision(REV7, minutesAgo(5), { containers: [{ ...with6, image: IMAGE_V15 }], template: template(opts.grace ?? 30), replicas: 4 }),
  ];
  const rs6 = `${APP}-${REV6.hash}`;
  const old = [0, 1].map((i) => pod(i, { ...(stops ? { deletionTimestamp: minutesAgo(0.4 + i * 0.2) } : {}) }));
  const fresh = [2, 3, 4, 5].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(4), startTime: minutesAgo(4) }));
  const dep = { kind: 'Deployment', name: APP, namespace: NS };
  const events = stops
    ? [4, 3, 2].map((to, k) => event({ object: dep, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled down replica set ${rs6} from ${to + 1} to ${to}`, firstSeen: minutesAgo(3 - k), lastSeen: minutesAgo(3 - k), source: 'deployment-controller' }))
    : [];
  return baseEvidence({ pods: [...old, ...fresh], revisions, events });
}

describe('readHookSleepSeconds', () => {
  it('reads the sleep of an exec hook, a shell script and the kubelet sleep action; nothing of an HTTP hook', () => {
    expect(readHookSleepSeconds('sleep 45')).toBe(45);
    expect(readHookSleepSeconds('/bin/sh -c sleep 5 && nginx -s quit')).toBe(5);
    expect(readHookSleepSeconds('sleep 45s')).toBe(45);
    expect(readHookSleepSeconds('/bin/sleep 1m')).toBe(60);
    expect(readHookSleepSeconds('GET :8080/drain')).toBeUndefined();
  });
});

describe('analyzePreStopOverrun', () => {
  it('names a preStop sleep that outlasts the grace period as the problem when pods with it stopped, dated by the revision that added it', () => {
    const [f] = analyzePreStopOverrun(overrun());
    expect(f?.kind).toBe('prestop-overrun');
    expect(f?.severity).toBe('warning');
    expect(f?.title).toMatch(/^preStop hook `sleep 45` outlasts terminationGracePeriodSeconds 30/);
    expect(f?.title).toContain('since revision 6 (2d ago) added preStop hook `sleep 45`');
    expect(f?.title).toContain('3 pods with the hook stopped in the last hour, 2 still Terminating now');
    // The hook (45 s) plus the app's own drain (25 s) and a margin.
    expect(f?.fix).toContain('at least 75 s');
  });

  it('is context only while nothing stopped: latent until the next rollout', () => {
    const [f] = analyzePreStopOverrun(overrun({ stops: false }));
    expect(f?.severity).toBe('info');
  });

  it('says nothing of a hook shorter than the grace period, or of a grace period raised above it', () => {
    expect(analyzePreStopOverrun(overrun({ hook: 'sleep 10' }))).toEqual([]);
    expect(analyzePreStopOverrun(overrun({ grace: 90 }))).toEqual([]);
    expect(analyzePreStopOverrun(baseEvidence())).toEqual([]);
  });

  it('cites the callers\' 502s and resets on the Service when their log was read, and only those', () => {
    const ev = overrun();
    const ip = '172.20.9.41';
    ev.services = ev.services.map((s) => (s.name === APP ? { ...s, clusterIP: ip } : s));
    ev.serviceCallers = [{
      service: APP, pod: 'edge-6f7d8-abcde', owner: 'Deployment edge', container: 'nginx', via: 'image nginx:1.27', proxy: true,
      log: { pod: 'edge-6f7d8-abcde', container: 'nginx', previous: false, lines: [
        `2026/11/21 03:12:56 [error] 29#29: *9 recv() failed (104: Connection reset by peer) while reading response header from upstream, upstream: "http://${ip}:80/api"`,
        `10.0.3.9 - - [21/Nov/2026:03:12:56 +0000] "GET /api HTTP/1.1" 502 157 "-" "curl" 0.004 "${ip}:80"`,
        `10.0.3.9 - - [21/Nov/2026:03:12:57 +0000] "GET /other HTTP/1.1" 502 157 "-" "curl" 0.004 "10.9.9.9:80"`,
      ] },
    }];
    const [f] = analyzePreStopOverrun(ev);
    expect(f?.evidence.join('\n')).toContain('logged 1 × 502/503 and 1 upstream reset or early close on payment-service');
    expect(f?.title).toContain('its callers get 502s and resets');
  });

  it('leads the verdict with the hook and the grace period, and never offers a rollback to the revision that brought the hook', () => {
    const r = buildTriageReport(overrun(), { startedAt: NOW, finishedAt: NOW });
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/^preStop hook `sleep 45` outlasts terminationGracePeriodSeconds 30/);
    expect(r.headline).not.toMatch(/roll(ing)? ?back to (revision )?6|undo/i);
    expect(r.headline).toContain('Raise terminationGracePeriodSeconds');
  });
});
