import { describe, expect, it } from 'vitest';
import { analyzeInProcessSessions } from '../../../../src/domain/triage/analyzers/in-process-sessions.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { APP, NOW, NS, REV6, baseEvidence, event, minutesAgo, pod, workload } from '../scenarios/builders.js';

const WARNING = ['Warning: connect.session() MemoryStore is not', 'designed for a production environment, as it will leak', 'memory, and will not scale past a single process.'];
const pino = (m: number, level: number, rest: string) => `{"level":${level},"time":${Date.parse(NOW) - Math.round(m * 60_000)},"pid":1,${rest}}`;

/** An Express pod's log: the MemoryStore warning unless `store` is false, then `lost` requests that came without their session. */
function portalLog(k: number, lost: number, store = true): string[] {
  return [
    ...(store ? WARNING : []),
    ...Array.from({ length: lost }, (_, i) => {
      const m = 20 - i * 2 - k * 0.5;
      return i % 3 === 2
        ? pino(m, 50, `"req":{"method":"POST","url":"/account/addresses"},"err":{"type":"ForbiddenError","message":"invalid csrf token","code":"EBADCSRFTOKEN"},"msg":"request errored"`)
        : pino(m, 40, `"sid":"s${i}","url":"/account/orders","msg":"no session for sid, redirecting to /login"`);
    }),
    pino(0.5, 30, `"req":{"method":"GET","url":"/account/profile"},"res":{"statusCode":200},"msg":"request completed"`),
  ];
}

/** `n` ready pods of one revision, scaled by hand from 1 to `n` 25m ago. */
function scaled(n: number, lost: number, store = true): TriageEvidence {
  const pods = Array.from({ length: n }, (_, i) => pod(i, i === 0 ? {} : { createdAt: minutesAgo(25), startTime: minutesAgo(25) }));
  return baseEvidence({
    pods,
    hpas: [],
    workload: workload({ specReplicas: n, replicas: n, readyReplicas: n, availableReplicas: n, updatedReplicas: n }),
    events: n > 1 ? [event({ type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${APP}-${REV6.hash} from 1 to ${n}`, object: { kind: 'Deployment', name: APP, namespace: NS }, firstSeen: minutesAgo(25), lastSeen: minutesAgo(25) })] : [],
    logs: pods.map((p, k) => ({ pod: p.name, container: 'app', previous: false, lines: portalLog(k, lost, store) })),
  });
}

describe('analyzeInProcessSessions', () => {
  it('names sessions kept in each pod\'s memory that the replicas do not share, and the Service without affinity', () => {
    const [f] = analyzeInProcessSessions(scaled(3, 4));
    expect(f?.title).toMatch(/^Sessions are kept in each pod's memory \(express-session's MemoryStore, as its start-up warning says\) and the 3 replicas do not share them: 12 requests in 3 pods/);
    expect(f?.title).toMatch(/Service payment-service has no sessionAffinity/);
    expect(f?.scalesWithReplicas).toBe(true);
    expect(f?.fix).toMatch(/a store the replicas share \(Redis/);
  });

  it('makes the hand scale-up the since and scaling back the first step, never a rollback', () => {
    const report = buildTriageReport(scaled(3, 4), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/^Since the workload was scaled up from 1 to 3 25m ago \(not by a rollout\): Sessions are kept in each pod's memory/);
    expect(report.headline).toMatch(/Scale payment-service back to 1 replica, or move the sessions to a store the replicas share/);
    expect(report.headline).not.toMatch(/roll(ing)? ?back|memory leak|OOM/i);
  });

  it('says nothing of one replica, whose MemoryStore holds every session', () => {
    expect(analyzeInProcessSessions(scaled(1, 6))).toEqual([]);
  });

  it('says nothing of expired sessions without an in-process store, nor of a few', () => {
    expect(analyzeInProcessSessions(scaled(3, 4, false))).toEqual([]);
    expect(analyzeInProcessSessions(scaled(2, 2))).toEqual([]);
  });

  /** A PHP pod's access log: `posts` form posts of which `expired` are answered 419, among plain GETs. */
  function accessLog(k: number, posts: number, expired: number): string[] {
    return Array.from({ length: posts * 3 }, (_, i) => {
      const post = i % 3 === 1;
      const n = Math.floor(i / 3);
      const status = post ? (n < expired ? 419 : 302) : 200;
      return `10.0.${k}.${i + 2} - - [21/Nov/2026:03:${String(10 + i).padStart(2, '0')}:00 +0000] "${post ? 'POST' : 'GET'} /cart/update HTTP/1.1" ${status} 512 "-" "Mozilla/5.0"`;
    });
  }
  function fileSessions(n: number, posts: number, expired: number, driver = 'file'): TriageEvidence {
    const ev = scaled(n, 0, false);
    return {
      ...ev,
      logs: ev.pods.map((p, k) => ({ pod: p.name, container: 'app', previous: false, lines: accessLog(k, posts, expired) })),
      settingConfig: [{ mechanism: 'session-store', configMap: `${APP}-env`, key: 'SESSION_DRIVER', via: 'envFrom', written: `SESSION_DRIVER=${driver}` }],
    };
  }

  it('reads form posts answered 419 in bulk as sessions lost between replicas, with the file driver set in a ConfigMap', () => {
    const [f] = analyzeInProcessSessions(fileSessions(3, 4, 3));
    expect(f?.title).toMatch(/^Sessions are kept on each pod's own disk \(SESSION_DRIVER=file in ConfigMap payment-service-env\) and the 3 replicas do not share them: 9 requests in 3 pods/);
    expect(f?.title).toMatch(/419 Page Expired/);
  });

  it('says nothing of a few 419s, of a shared session store, or of one replica', () => {
    expect(analyzeInProcessSessions(fileSessions(3, 40, 2))).toEqual([]);
    expect(analyzeInProcessSessions(fileSessions(3, 4, 3, 'redis'))).toEqual([]);
    expect(analyzeInProcessSessions(fileSessions(1, 10, 8))).toEqual([]);
  });

  /** A Flask pod's log: its session backend named at start, then `failed` login callbacks whose OAuth state check fails, each a traceback. */
  function callbackLog(k: number, failed: number, backend: string): string[] {
    const py = (m: number) => new Date(Date.parse(NOW) - Math.round(m * 60_000)).toISOString().replace('T', ' ').replace('Z', '').replace('.', ',');
    return [
      `${py(24)} INFO webapp.app session backend: ${backend}`,
      ...Array.from({ length: failed }, (_, i) => [
        `${py(20 - i * 3 - k * 0.5)} ERROR webapp.auth login callback failed`,
        'Traceback (most recent call last):',
        '  File "/app/webapp/auth.py", line 30, in callback',
        '    raise MismatchingStateError()',
        'authlib.integrations.base_client.errors.MismatchingStateError: mismatching_state: CSRF Warning! State not equal in request and response.',
      ]).flat(),
    ];
  }
  function oauthCallbacks(n: number, failed: number, backend = 'cachelib SimpleCache (in-process)'): TriageEvidence {
    const ev = scaled(n, 0, false);
    return { ...ev, logs: ev.pods.map((p, k) => ({ pod: p.name, container: 'app', previous: false, lines: callbackLog(k, failed, backend) })) };
  }

  it('reads login callbacks failing their OAuth state check on several replicas as state kept per pod, since the scale-up', () => {
    const [f] = analyzeInProcessSessions(oauthCallbacks(3, 2));
    expect(f?.title).toMatch(/^Sessions are kept in each pod's memory \(cachelib SimpleCache, an in-memory session store/);
    expect(f?.title).toMatch(/6 requests in 3 pods .*OAuth state check/);
    const report = buildTriageReport(oauthCallbacks(3, 2), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/^Since the workload was scaled up from 1 to 3 25m ago \(not by a rollout\): Sessions are kept in each pod's memory/);
  });

  it('says nothing of OAuth state failures with a shared store, or on one replica', () => {
    expect(analyzeInProcessSessions(oauthCallbacks(3, 2, 'redis'))).toEqual([]);
    expect(analyzeInProcessSessions(oauthCallbacks(1, 6))).toEqual([]);
  });
});
