// A Node app whose new revision raised its bcrypt cost: the hashes fill libuv's 4-thread pool that
// dns.lookup and fs share, so calls to unrelated dependencies time out at once. The revision's env
// change is the trigger and the fix, not the dependency. A revision that left the cost alone, a
// nudge of one round, a runtime without libuv, or one dependency timing out alone change nothing.
import { describe, expect, it } from 'vitest';
import { findHashCostRaise } from '../../../src/domain/triage/hash-cost-threadpool.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import type { EnvVarEvidence } from '../../../src/domain/triage/evidence-spec.js';
import { REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer } from './scenarios/builders.js';

const times = { startedAt: '2026-11-21T03:13:55.200Z', finishedAt: '2026-11-21T03:14:01.450Z' };
const ms = (ago: number) => Date.parse(minutesAgo(ago));

const nodeLines = (ago: number, i: number, otherTimeouts: boolean) => [
  `{"level":50,"time":${ms(ago)},"pid":1,"err":{"type":"AxiosError","message":"timeout of 2000ms exceeded","code":"ECONNABORTED"},"upstream":"http://accounts.payments.svc.cluster.local/v1/a/${i}","msg":"account fetch failed"}`,
  ...(otherTimeouts ? [`{"level":50,"time":${ms(ago - 0.1)},"pid":1,"err":{"type":"Error","message":"timeout exceeded when trying to connect","stack":"Error: timeout exceeded when trying to connect\\n    at Timeout._onTimeout (/app/node_modules/pg-pool/index.js:205:27)"},"msg":"db connect failed"}`] : []),
  `{"level":30,"time":${ms(ago - 0.2)},"pid":1,"req":{"method":"POST","url":"/v1/login"},"res":{"statusCode":200},"responseTime":6100,"msg":"request completed"}`,
];
const goLines = (ago: number, i: number) => [
  `{"level":"error","ts":"${minutesAgo(ago)}","msg":"account fetch failed","url":"http://accounts.payments.svc.cluster.local/v1/a/${i}","error":"context deadline exceeded (Client.Timeout exceeded while awaiting headers)"}`,
  `{"level":"error","ts":"${minutesAgo(ago - 0.1)}","msg":"db connect failed","error":"dial tcp 10.20.4.7:5432: i/o timeout"}`,
];

function story(before: string, after: string, opts: { go?: boolean; oneDependency?: boolean; env?: string } = {}) {
  const name = opts.env ?? 'BCRYPT_ROUNDS';
  const env = (rounds: string): EnvVarEvidence[] => [{ name: 'NODE_ENV', value: 'production' }, { name, value: rounds }, { name: 'ACCOUNTS_URL', value: 'http://accounts.payments.svc.cluster.local' }];
  const pods = [0, 1, 2].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(40 - i), startTime: minutesAgo(40 - i), containers: [container({ env: env(after) })] }));
  const lines = Array.from({ length: 8 }, (_, i) => (opts.go ? goLines(20 - i, i) : nodeLines(20 - i, i, !opts.oneDependency))).flat();
  return baseEvidence({
    pods,
    revisions: [
      revision(REV6, minutesAgo(12 * 24 * 60), { containers: [revisionContainer({ env: env(before) })] }),
      revision(REV7, minutesAgo(41), { replicas: 3, containers: [revisionContainer({ env: env(after) })] }),
    ],
    logs: pods.slice(0, 2).map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [...(opts.go ? [] : ['(node:1) [DEP0040] DeprecationWarning: The `punycode` module is deprecated.']), ...lines] })),
  });
}

describe('a Node revision that raised its password-hashing cost', () => {
  it('names the hash, the libuv threadpool, the revision and the rollback in the headline', () => {
    const r = buildTriageReport(story('10', '14'), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/bcrypt/);
    expect(r.headline).toMatch(/libuv/);
    expect(r.headline).toMatch(/revision 7/);
    expect(r.headline).toMatch(/BCRYPT_ROUNDS/);
    expect(r.headline).toMatch(/roll back to revision 6|BCRYPT_ROUNDS back to 10/i);
    expect(r.headline).not.toMatch(/no change found|CoreDNS|event loop/);
  });

  it('counts bcrypt rounds as powers of two, iterations as a multiple', () => {
    const at = (ev: ReturnType<typeof story>) => findHashCostRaise(ev, ev.logs.flatMap((log) => log.lines.filter((l) => l.includes('account fetch failed')).map((line) => ({ log, line }))), 'accounts.payments.svc.cluster.local', minutesAgo(20));
    expect(at(story('10', '14'))).toMatchObject({ env: 'BCRYPT_ROUNDS', from: '10', to: '14', factor: 16 });
    expect(at(story('100000', '600000', { env: 'PBKDF2_ITERATIONS' }))).toMatchObject({ factor: 6 });
    expect(at(story('10', '11'))).toBeUndefined();
    expect(at(story('10', '10'))).toBeUndefined();
  });

  it('keeps the dependency reading for a runtime without libuv, or when one dependency times out alone', () => {
    for (const ev of [story('10', '14', { go: true }), story('10', '14', { oneDependency: true })]) {
      const r = buildTriageReport(ev, times);
      expect(r.headline).not.toMatch(/libuv|bcrypt/);
    }
  });
});

// No revision changed the cost: under load the hashes alone keep libuv's default pool busy, and
// Node's dns.lookup (getaddrinfo) queues behind them — EAI_AGAIN while the cluster DNS is ready.
describe('a Node app whose standing hashing cost fills libuv\'s pool under load', () => {
  const lookupLines = (ago: number) => [
    `{"level":50,"time":${ms(ago)},"pid":1,"err":{"type":"Error","message":"getaddrinfo EAI_AGAIN ledger-db.bank.svc.cluster.local","code":"EAI_AGAIN","syscall":"getaddrinfo"},"msg":"db connect failed"}`,
    `{"level":40,"time":${ms(ago - 0.1)},"pid":1,"err":{"type":"Error","message":"Connection timeout","code":"ETIMEDOUT"},"target":"cache.bank.svc.cluster.local:6379","msg":"cache reconnecting"}`,
    `{"level":30,"time":${ms(ago - 0.2)},"pid":1,"req":{"method":"POST","url":"/v1/signin"},"res":{"statusCode":200},"responseTime":4100,"msg":"request completed"}`,
  ];
  function loaded(opts: { env?: EnvVarEvidence[]; dnsReady?: boolean; command?: string[] } = {}) {
    const env: EnvVarEvidence[] = opts.env ?? [{ name: 'NODE_ENV', value: 'production' }, { name: 'BCRYPT_ROUNDS', value: '12' }];
    const pods = [0, 1, 2].map((i) => pod(i, { revisionHash: REV7.hash, containers: [container({ env, command: opts.command ?? ['node', 'dist/main.js'] })] }));
    return baseEvidence({
      pods,
      revisions: [
        revision(REV6, minutesAgo(20 * 24 * 60), { containers: [revisionContainer({ env })] }),
        revision(REV7, minutesAgo(3 * 24 * 60), { replicas: 3, containers: [revisionContainer({ env })] }),
      ],
      logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: Array.from({ length: 6 }, (_, i) => lookupLines(20 - i * 2)).flat() })),
      dns: { namespace: 'kube-system', pods: [pod(0, { name: 'coredns-6f7d9b8c4d-2kq8x' }), pod(1, { name: 'coredns-6f7d9b8c4d-x7wpl', ...(opts.dnsReady === false ? { ready: false, containers: [container({ ready: false })] } : {}) })] },
    });
  }

  it('names the hashing on the 4-thread libuv pool and UV_THREADPOOL_SIZE, not the cluster DNS', () => {
    const r = buildTriageReport(loaded(), times);
    expect(r.headline).toMatch(/bcrypt/);
    expect(r.headline).toMatch(/libuv/);
    expect(r.headline).toMatch(/UV_THREADPOOL_SIZE/);
    expect(r.headline).not.toMatch(/CoreDNS|resolver not answering/);
  });

  it('keeps the DNS reading when a DNS pod is down, the pool is raised, no hashing cost is set, or the runtime is not Node', () => {
    const evs = [
      loaded({ dnsReady: false }),
      loaded({ env: [{ name: 'BCRYPT_ROUNDS', value: '12' }, { name: 'UV_THREADPOOL_SIZE', value: '32' }] }),
      loaded({ env: [{ name: 'NODE_ENV', value: 'production' }] }),
      loaded({ command: ['/app/server'] }),
    ];
    for (const ev of evs) expect(buildTriageReport(ev, times).headline).not.toMatch(/libuv/);
  });
});
