// An in-cluster memcached whose item memory (-m) is full of large items: sets fail with
// "SERVER_ERROR out of memory storing object" while memcached stays Running and Ready. Clients
// log the failed set at WARN and carry on without the cache, so the pods stay Ready too.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals, listRefusingServices } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { isErrorLine } from '../../../../src/domain/triage/error-line.js';
import { NOW, REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, running } from '../scenarios/builders.js';

const setFailed = (m: number, bytes: number) =>
  `{"level":"warn","ts":"${minutesAgo(m)}","msg":"cache set failed","key":"product:v2:SKU-${m}:full","bytes":${bytes},"error":"memcache: unexpected response line from \\"set\\": \\"SERVER_ERROR out of memory storing object\\\\r\\\\n\\""}`;
const tooLarge = (m: number) => `time=${minutesAgo(m)} level=WARN msg="cache write failed" key=report:${m} size=1843200 err="SERVER_ERROR object too large for cache"`;
const env = [{ name: 'MEMCACHED_SERVERS', value: 'listing-cache:11211' }];
const MEMCACHED_ARGS = ['-m', '64', '-c', '1024', '-I', '1m'];

function scenario(args: string[] = MEMCACHED_ARGS, lines: (k: number) => string[] = (k) => [setFailed(6 - k, 391_204 + k), setFailed(4 - k, 478_310), setFailed(2 - k, 402_877)], startedAgo?: number) {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env, ...(startedAgo === undefined ? {} : { state: running(startedAgo + i) }) })] }));
  const cache = pod(7, {
    name: 'listing-cache-7c9d8f6b5-x2m4p',
    labels: { app: 'listing-cache' },
    containers: [container({ name: 'memcached', image: 'memcached:1.6.29-alpine', command: ['memcached'], args, resources: { requests: { memory: '96Mi' }, limits: { memory: '96Mi' } } })],
  });
  return baseEvidence({
    pods,
    logs: pods.map((p, k) => ({ pod: p.name, container: 'app', previous: false, lines: ['{"level":"info","msg":"cache client ready"}', ...lines(k)] })),
    dependencyPods: [{ service: 'listing-cache', pod: cache, logs: [] }],
  });
}

describe('a memcached that refuses to store items', () => {
  it("counts memcached's SERVER_ERROR answers as error lines, whatever level the client logs them at", () => {
    expect(isErrorLine(setFailed(3, 400_000))).toBe(true);
    expect(isErrorLine(tooLarge(3))).toBe(true);
    expect(isErrorLine('{"level":"warn","msg":"upstream answered","status":"INTERNAL_SERVER_ERROR"}')).toBe(false);
  });

  it('asks for one pod of the memcached Service its client env names, to read its -m and -I', () => {
    const ev = scenario();
    expect(listRefusingServices({ logs: ev.logs, pods: ev.pods, target: ev.target })).toEqual(['listing-cache']);
  });

  it('names memcached, its item memory from -m and the size of the items refused', () => {
    const [f] = analyzeDependencyRefusals(scenario());
    expect(f?.title).toMatch(/^memcached listing-cache refuses to store items: out of memory \(-m 64: 64 MB of item memory, -I 1m max item size\)/);
    expect(f?.title).toMatch(/items of 382–467 KB/);
    expect(f?.evidence.join('\n')).toMatch(/listing-cache-7c9d8f6b5-x2m4p runs memcached with -m 64 \(64 MB of item memory\), -I 1m max item size \(memory limit 96Mi\)/);
    expect(f?.fix).toMatch(/raise memcached's -m[^\n]*memory limit[^\n]*smaller/);
  });

  it('reads the long flags, and says the 64 MB default when -m is left out', () => {
    expect(analyzeDependencyRefusals(scenario(['--memory-limit=256', '--max-item-size=2m']))[0]?.title).toMatch(/\(--memory-limit 256: 256 MB of item memory, --max-item-size 2m max item size\)/);
    expect(analyzeDependencyRefusals(scenario(['-c', '1024']))[0]?.title).toMatch(/\(no -m: the default 64 MB of item memory\)/);
  });

  it('names an item over the max item size (-I) as its own refusal', () => {
    const [f] = analyzeDependencyRefusals(scenario(MEMCACHED_ARGS, (k) => [tooLarge(5 - k), tooLarge(3 - k)]));
    expect(f?.title).toMatch(/^memcached listing-cache refuses items larger than its max item size \(-m 64: 64 MB of item memory, -I 1m max item size\)/);
    expect(f?.title).toMatch(/items of 1800 KB/);
    expect(f?.fix).toMatch(/-I/);
  });

  it('reads the refusal as the clients word it without SERVER_ERROR: pymemcache, libmemcached, spymemcached, Dalli', () => {
    const worded = [
      (m: number) => `2026-11-21 03:0${m}:00,000 WARNING app.cache: cache set failed key=report:${m} size=1843200: MemcacheServerError(b'object too large for cache')`,
      (m: number) => `2026-11-21 03:0${m}:00,000 WARNING app.cache: set report:${m} failed: pylibmc.TooBig: error 37 from memcached_set: ITEM TOO BIG`,
      (m: number) => `2026-11-21 03:0${m}:00.000 WARN  c.e.ReportCache - cache put failed for report:${m}: java.lang.IllegalArgumentException: Cannot cache data larger than 1048576 bytes (you tried to cache a 1843200 byte object)`,
      (m: number) => `W, [2026-11-21T03:0${m}:00.000000 #1]  WARN -- : Value for report:${m} over max size: 1048576 <= 1843200 - this value may be truncated by memcached`,
    ];
    for (const say of worded) {
      const [f] = analyzeDependencyRefusals(scenario(MEMCACHED_ARGS, (k) => [say(5 - k), say(3 - k)]));
      expect(f?.title).toMatch(/^memcached listing-cache refuses items larger than its max item size \(-m 64: 64 MB of item memory, -I 1m max item size\)/);
    }
    // Other words of "too big" are no memcached refusal.
    expect(analyzeDependencyRefusals(scenario(MEMCACHED_ARGS, (k) => [`level=WARN msg="upload refused: item too big" n=${k}`]))).toEqual([]);
  });

  it('dates items over the max item size from a revision of the clients that made them bigger, whose fix is the items or -I', () => {
    const ev = scenario(MEMCACHED_ARGS, (k) => [tooLarge(25 - k), tooLarge(12 - k), tooLarge(3 - k)]);
    const grown = {
      ...ev,
      pods: ev.pods.map((p) => ({ ...p, revisionHash: REV7.hash })),
      revisions: [revision(REV6, minutesAgo(9 * 24 * 60), { containers: [revisionContainer({ env })] }), revision(REV7, minutesAgo(70), { replicas: 2, containers: [revisionContainer({ env, image: revisionContainer().image.replace('2.14.0', '2.15.0') })] })],
    };
    const report = buildTriageReport(grown, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/^Since revision 7 \(1h 10m ago[^\n]*memcached listing-cache refuses items larger than its max item size/);
    expect(report.headline).toMatch(/split or compress|-I/);
    const f = analyzeDependencyRefusals(grown)[0];
    expect(f?.likelyCause).toMatch(/outgrew its max item size/);
    expect(f?.likelyCause).not.toMatch(/restart/i);
  });

  it("dates a full cache from its writers' start when they began a few hours before it refused them, since a cache fills before it refuses", () => {
    const [recent] = analyzeDependencyRefusals(scenario(MEMCACHED_ARGS, undefined, 200));
    expect(recent?.onset).toBe(minutesAgo(201));
    expect(recent?.latent).toMatch(/fill/);
    // Writers that ran for days before it refused say nothing of when it began to fill.
    expect(analyzeDependencyRefusals(scenario(MEMCACHED_ARGS, undefined, 3 * 24 * 60))[0]?.onset).toBeUndefined();
  });

  it('makes the verdict a problem whose headline names memcached and its memory, though every pod is ready', () => {
    const report = buildTriageReport(scenario(), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/memcached listing-cache refuses to store items: out of memory/);
  });
});
