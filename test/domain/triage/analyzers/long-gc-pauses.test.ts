import { describe, expect, it } from 'vitest';
import { analyzeHeapPressure } from '../../../../src/domain/triage/analyzers/heap-pressure.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { findSessionLoss } from '../../../../src/domain/triage/session-loss.js';
import { REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, running } from '../scenarios/builders.js';

const env = (heap: string) => [
  { name: 'JAVA_OPTS', value: `-Xms${heap} -Xmx${heap} -XX:+UseParallelGC` },
  { name: 'COORD_SESSION_TIMEOUT_MS', value: '6000' },
];
const resources = (memory: string) => ({ requests: { cpu: '1', memory }, limits: { memory } });
const ts = (m: number) => minutesAgo(m).replace('T', ' ').replace('Z', '');

/** A pause of `ms`, the full collection that caused it (leaving the heap `after` of 8000M) and what the coordinator client logs next. */
const episode = (m: number, ms: number, after: number, lostSession: boolean) => [
  `[${minutesAgo(m)}][info][gc] GC(${m}) Pause Full (Ergonomics) 7900M->${after}M(8000M) ${ms}.100ms`,
  `${ts(m)} WARN [pause-monitor] util.PauseMonitor - Detected pause in JVM or host machine (eg GC): pause of approximately ${ms - 100}ms`,
  ...(lostSession
    ? [
        `${ts(m)} INFO [Curator-ConnectionStateManager-0] o.a.c.f.state.ConnectionStateManager - State change: LOST`,
        `${ts(m)} ERROR [Curator-Framework-0] o.a.c.f.imps.CuratorFrameworkImpl - Background retry gave up\norg.apache.zookeeper.KeeperException$SessionExpiredException: KeeperErrorCode = Session expired for /example/leader`,
        `${ts(m)} WARN [LeaderLatch-0] c.e.Leadership - leadership lost; stopping work`,
      ]
    : []),
];

/** Two Ready JVM pods on revision 7, which raised the heap 1g → 8g (memory 2Gi → 10Gi) 4h ago. */
function raisedHeap(after = 4000, lostSession = true): TriageEvidence {
  const pods: PodEvidence[] = [0, 1].map((i) =>
    pod(i, { revisionHash: REV7.hash, startTime: minutesAgo(239), createdAt: minutesAgo(240), containers: [container({ env: env('8g'), resources: resources('10Gi'), state: running(239) })] }),
  );
  return baseEvidence({
    pods,
    logs: pods.map((p, i) => ({ pod: p.name, container: 'app', previous: false, lines: [...episode(50 - i * 5, 9100, after, lostSession), ...episode(20 - i * 5, 8700, after, lostSession)] })),
    revisions: [
      revision(REV6, minutesAgo(60 * 24 * 30), { containers: [revisionContainer({ env: env('1g'), resources: resources('2Gi') })] }),
      revision(REV7, minutesAgo(240), { replicas: 2, containers: [revisionContainer({ env: env('8g'), resources: resources('10Gi') })] }),
    ],
    hpas: [],
  });
}

describe('findSessionLoss', () => {
  it('names the coordinator whose session the process lost, in its own words', () => {
    const loss = findSessionLoss(episode(5, 9000, 4000, true));
    expect(loss).toMatchObject({ coordinator: 'ZooKeeper', said: 'KeeperErrorCode = Session expired' });
    expect(loss?.consequence).toMatch(/leadership lost/);
    expect(findSessionLoss(['org.apache.kafka.clients.consumer.CommitFailedException: Commit cannot be completed since the group has already rebalanced'])?.coordinator).toBe('Kafka');
    expect(findSessionLoss(['INFO request served in 12 ms'])).toBeUndefined();
  });
});

describe('long GC pauses on a big heap that is not full', () => {
  it('names the lost session and the pause against its timeout, and the revision that raised the heap; never advises a bigger heap', () => {
    const [f, ...rest] = analyzeHeapPressure(raisedHeap());
    expect(rest).toEqual([]);
    expect(f?.title).toMatch(/^ZooKeeper sessions expire in 2\/2 pods: GC pauses of up to 9\.0s exceed the 6\.0s ZooKeeper session timeout \(env COORD_SESSION_TIMEOUT_MS\)/);
    expect(f?.title).toContain('heap raised 1Gi → 8Gi (-Xmx1g → -Xmx8g, env JAVA_OPTS) under ParallelGC');
    expect(f?.title).not.toMatch(/heap pressure/i);
    expect(f?.likelyCause).toMatch(/Revision 7 raised the JVM heap/);
    expect(f?.likelyCause).toMatch(/at most 50% full/);
    expect(f?.nextAction).toMatch(/roll back to revision 6/);
    expect(f?.nextAction).toMatch(/G1GC|ZGC/);
    expect(f?.nextAction).toMatch(/session timeout \(COORD_SESSION_TIMEOUT_MS\) above the worst pause/);
    expect(`${f?.nextAction ?? ''} ${f?.fix ?? ''}`).not.toMatch(/Give the JVM a bigger heap|raise the heap \(/i);
    expect(f?.nextAction).toMatch(/Do not raise the heap/);
    expect(f?.onset).toBe(minutesAgo(239));
  });

  it('without a lost session, still tells long pauses on a roomy heap apart from pressure', () => {
    const [f] = analyzeHeapPressure(raisedHeap(4000, false));
    expect(f?.title).toMatch(/^Long JVM GC pauses in 2\/2 pods: stop-the-world pauses of up to 9\.0s on a heap that is not full/);
    expect(f?.fix).toMatch(/low-pause collector/);
  });

  it('stays heap pressure when full collections leave the heap full', () => {
    const [f] = analyzeHeapPressure(raisedHeap(7800, true));
    expect(f?.title).toMatch(/^JVM heap pressure/);
  });
});
