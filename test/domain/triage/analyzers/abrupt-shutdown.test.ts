// 502s at every rollout: the old pods exit on SIGTERM the moment they are deleted (no preStop hook)
// while ingress-nginx still sends to them.
import { describe, expect, it } from 'vitest';
import { analyzeAbruptShutdown } from '../../../../src/domain/triage/analyzers/abrupt-shutdown.js';
import { analyzeIngressUpstream } from '../../../../src/domain/triage/analyzers/ingress-upstream.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { readProxyTries } from '../../../../src/domain/triage/ingress-upstream-errors.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { APP, IMAGE_V15, NOW, NS, REV6, REV7, baseEvidence, container, endpointSlice, event, minutesAgo, pod, revision, revisionContainer, running } from '../scenarios/builders.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');
const clf = (m: number) => {
  const d = new Date(minutesAgo(m));
  return `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
};
const ngx = (m: number) => minutesAgo(m).slice(0, 19).replace(/-/g, '/').replace('T', ' ');
const UPSTREAM = `${NS}-${APP}-80`;
const REFUSED = 'connect() failed (111: Connection refused) while connecting to upstream';
const CLOSED = 'upstream prematurely closed connection while reading response header from upstream';
const error = (m: number, msg: string, ip: string) =>
  `${ngx(m)} [error] 33#33: *48284423 ${msg}, client: 10.0.52.14, server: api.example.com, request: "POST /v1/charges HTTP/2.0", upstream: "http://${ip}:8080/v1/charges", host: "api.example.com"`;
const access = (m: number, status: number, tries: string, statuses: string) =>
  `10.0.52.14 - - [${clf(m)}] "POST /v1/charges HTTP/2.0" ${status} 150 "-" "okhttp/4.12.0" 93 0.012 [${UPSTREAM}] [] ${tries} 0 0.011 ${statuses} 6lwmqrz8svwc8rcq6nq2t28s9`;
/** One stop as nginx logs it: an in-flight request cut, a new one refused and not retried. */
const burst = (m: number, ip: string) => [error(m, CLOSED, ip), access(m, 502, `${ip}:8080`, '502'), error(m, REFUSED, ip), access(m, 502, `${ip}:8080, ${ip}:8080`, '502, 502')];

const OLD_IPS = ['10.0.1.100', '10.0.2.101'];
const NEW_IPS = ['10.0.3.102', '10.0.1.103', '10.0.2.104', '10.0.3.105'];
const GONE_IP = '10.0.2.77';

interface Opts {
  /** The old pods' container: exited on SIGTERM at the delete, by default. */
  old?: (i: number) => PodEvidence['containers'][number];
  /** Failures go to these addresses at the current stop. */
  at?: string[];
  /** Minutes ago the current burst is logged. */
  burstAgo?: number;
}

/**
 * Revision 7 (4 min ago) replaces revision 6 (yesterday). Two revision-6 pods were deleted 6 s ago
 * (deadline 24 s ahead, 30 s grace) and their containers already exited 143. ingress-nginx logs
 * 502s to them now, to a pod gone at the scale-down 3 minutes ago, and at revision 6's own rollout.
 */
function rollout(opts: Opts = {}): TriageEvidence {
  const template = { initContainers: [], volumes: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] }, terminationGracePeriodSeconds: 30 };
  const rev6At = minutesAgo(13 * 60);
  const exited = (i: number) => container({ state: { terminated: { exitCode: 143, reason: 'Error', startedAt: rev6At, finishedAt: minutesAgo(0.1 - i * 0.01) } }, ready: false });
  const old = [0, 1].map((i) => pod(i, { ready: false, deletionTimestamp: minutesAgo(-0.4), podIPs: [OLD_IPS[i] ?? ''], containers: [(opts.old ?? exited)(i)] }));
  const fresh = [2, 3, 4, 5].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(4), startTime: minutesAgo(4), podIPs: [NEW_IPS[i - 2] ?? ''], containers: [container({ image: IMAGE_V15, state: running(4) })] }));
  const pods = [...old, ...fresh];
  const dep = { kind: 'Deployment', name: APP, namespace: NS };
  const rs6 = `${APP}-${REV6.hash}`;
  const scaled = (m: number, from: number) => event({ object: dep, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled down replica set ${rs6} from ${from} to ${from - (from === 5 ? 1 : 2)}`, firstSeen: minutesAgo(m), lastSeen: minutesAgo(m), source: 'deployment-controller' });
  const now = opts.burstAgo ?? 0.1;
  const lines = [
    ...burst(13 * 60 - 0.02, '10.0.9.58'),
    `10.0.52.148 - - [${clf(30)}] "GET /v1/charges HTTP/2.0" 200 1893 "-" "okhttp/4.12.0" 58 0.014 [${UPSTREAM}] [] ${OLD_IPS[0]}:8080 1893 0.014 200 crqs2wvxcqxm5nxr9c5495hz6`,
    ...burst(3 - 0.01, GONE_IP),
    ...(opts.at ?? OLD_IPS).flatMap((ip) => burst(now, ip)),
    `10.0.52.148 - - [${clf(0.05)}] "GET /v1/charges HTTP/2.0" 200 1893 "-" "okhttp/4.12.0" 58 0.014 [${UPSTREAM}] [] ${NEW_IPS[0]}:8080 1893 0.014 200 kmjhv9d2gjq2fctwchlgnchxv`,
  ];
  const ev = baseEvidence({
    pods,
    revisions: [
      revision(REV6, rev6At, { containers: [revisionContainer()], template, replicas: 2 }),
      revision(REV7, minutesAgo(4), { containers: [revisionContainer({ image: IMAGE_V15 })], template, replicas: 4 }),
    ],
    events: [scaled(4, 5), scaled(3, 4), scaled(0.1, 2)],
    endpointSlices: [endpointSlice(APP, pods, { endpoints: pods.map((p) => ({ addresses: p.podIPs ?? [], ready: p.ready, ...(p.deletionTimestamp ? { terminating: true } : {}), podName: p.name })) })],
  });
  ev.ingressController = { controller: 'ingress-nginx', namespace: 'ingress-nginx', pods: ['ingress-nginx-controller-5c8d9-abcde'], logs: [{ pod: 'ingress-nginx-controller-5c8d9-abcde', container: 'controller', previous: false, lines }] };
  return ev;
}

describe('readProxyTries', () => {
  it('reads every address ingress-nginx tried for one request, with the status of each try', () => {
    const line = `10.0.52.201 - - [21/Nov/2026:03:13:54 +0000] "GET /v1/profiles/me HTTP/2.0" 200 1893 "https://app.example.com/" "okhttp/4.12.0" 58 0.019 [accounts-profile-api-80] [] 10.0.46.108:3000, 10.0.27.233:3000 0, 1893 0.000, 0.018 502, 200 qhgccr4pgs824bhhlq29zhmbf`;
    expect(readProxyTries(line)).toEqual({ at: '2026-11-21T03:13:54.000Z', status: 200, upstream: 'accounts-profile-api-80', tries: [{ address: '10.0.46.108', status: 502 }, { address: '10.0.27.233', status: 200 }] });
  });
});

describe('analyzeAbruptShutdown', () => {
  it('names pods that exit at once on SIGTERM with no preStop hook when the 502s go to their addresses at their delete', () => {
    const [f] = analyzeAbruptShutdown(rollout());
    expect(f?.kind).toBe('abrupt-shutdown');
    expect(f?.title).toMatch(/exit at once on SIGTERM \(exit 143 at the delete, \d+ s of grace unused\) with no preStop hook/);
    expect(f?.title).toContain('4 × 502 ("upstream prematurely closed connection") to the 2 Terminating pods of revision 6');
    // The gone pod's burst at the scale-down 3 minutes ago, and revision 6's own rollout 13 hours ago.
    expect(f?.title).toContain("as at this rollout's earlier scale-down");
    expect(f?.title).toContain('at the rollout of revision 6 13h ago');
    expect(f?.title).toContain('revision 7 is not the cause (its 4 Ready pods take none of them)');
    expect(f?.fix).toMatch(/preStop sleep \(`sleep 10`, within terminationGracePeriodSeconds 30\) and graceful shutdown/);
    expect(f?.affected).toEqual({ pods: [`${APP}-${REV6.hash}-x2kqj`, `${APP}-${REV6.hash}-m8n4p`], services: [UPSTREAM] });
  });

  it('says nothing without the match: failures to other addresses, before the delete, pods with a preStop hook, still draining or killed at the deadline', () => {
    expect(analyzeAbruptShutdown(rollout({ at: [NEW_IPS[0] ?? ''] }))).toEqual([]);
    expect(analyzeAbruptShutdown(rollout({ burstAgo: 0.5 }))).toEqual([]);
    const hooked = (i: number) => ({ ...container({ state: { terminated: { exitCode: 143, reason: 'Error', finishedAt: minutesAgo(0.1 - i * 0.01) } }, ready: false }), hooks: { preStop: 'sleep 5' } });
    expect(analyzeAbruptShutdown(rollout({ old: hooked }))).toEqual([]);
    expect(analyzeAbruptShutdown(rollout({ old: () => container({ state: running(13 * 60) }) }))).toEqual([]);
    const killed = () => container({ state: { terminated: { exitCode: 137, reason: 'Error', finishedAt: minutesAgo(0.1) } }, ready: false });
    expect(analyzeAbruptShutdown(rollout({ old: killed }))).toEqual([]);
  });

  it('turns the ingress reading from "nothing listens on the target port" to the stopping pods', () => {
    const [f] = analyzeIngressUpstream(rollout());
    expect(f?.title).toContain('pods that already exited on SIGTERM');
    expect(f?.title).not.toMatch(/nothing listens/);
  });

  it('leads the verdict with the stop, the fix forward, and offers no rollback of the healthy new revision', () => {
    const r = buildTriageReport(rollout(), { startedAt: NOW, finishedAt: NOW });
    if (process.env.SHOW) console.log(r.headline);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/^payment-service's pods exit at once on SIGTERM \(exit 143/);
    expect(r.headline).toMatch(/Add a preStop sleep/);
    expect(r.headline).not.toMatch(/roll(ing)? ?back to|rollout undo|nothing listens/i);
    expect(r.headline.length).toBeLessThan(720);
  });
});
