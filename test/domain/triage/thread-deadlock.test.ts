import { describe, expect, it } from 'vitest';
import { describeCycle, findDeadlockReport, readDeadlock } from '../../../src/domain/triage/thread-deadlock.js';

/** The tail of a HotSpot thread dump (kill -3) with one monitor deadlock, as the JVM prints it. */
const MONITOR_DUMP = [
  '"price-cache-refresh-1" #71 [101] prio=5 os_prio=0 cpu=15422.90ms elapsed=1299.87s tid=0x00007f3a4d2a1000 nid=101 waiting for monitor entry  [0x00007f3a1d6f2000]',
  '   java.lang.Thread.State: BLOCKED (on object monitor)',
  '\tat com.acme.pricing.cache.PriceCache.replaceAll(PriceCache.java:88)',
  '',
  'JNI global refs: 24, weak refs: 0',
  '',
  'Found one Java-level deadlock:',
  '=============================',
  '"http-nio-8080-exec-7":',
  '  waiting to lock monitor 0x00007f3a28004a18 (object 0x00000000c5a1c430, a com.acme.pricing.fx.FxRateTable),',
  '  which is held by "price-cache-refresh-1"',
  '',
  '"price-cache-refresh-1":',
  '  waiting to lock monitor 0x00007f3a280062d8 (object 0x00000000c5a1b2f0, a com.acme.pricing.cache.PriceCache),',
  '  which is held by "http-nio-8080-exec-7"',
  '',
  'Java stack information for the threads listed above:',
  '===================================================',
  '"http-nio-8080-exec-7":',
  '\tat com.acme.pricing.fx.FxRateTable.rateFor(FxRateTable.java:47)',
  'Found 1 deadlock.',
];

describe('readDeadlock', () => {
  it('reads the cycle of a JVM monitor deadlock: the threads, the locks they wait for, who holds them', () => {
    const r = readDeadlock(MONITOR_DUMP);
    expect(r?.runtime).toBe('JVM');
    expect(r?.header).toBe('Found one Java-level deadlock:');
    expect(r?.threads).toEqual(['http-nio-8080-exec-7', 'price-cache-refresh-1']);
    expect(r?.locks).toEqual(['FxRateTable', 'PriceCache']);
    expect(describeCycle({ ...(r as NonNullable<typeof r>), pods: [], previous: true })).toBe(
      '"http-nio-8080-exec-7" waits for FxRateTable held by "price-cache-refresh-1", which waits for PriceCache held by "http-nio-8080-exec-7"',
    );
  });

  it('reads a java.util.concurrent lock (ownable synchronizer) by its lock class', () => {
    const r = readDeadlock([
      'Found one Java-level deadlock:',
      '=============================',
      '"pool-1-thread-2":',
      '  waiting for ownable synchronizer 0x000000076ab62208, (a java.util.concurrent.locks.ReentrantLock$NonfairSync),',
      '  which is held by "pool-1-thread-1"',
      '"pool-1-thread-1":',
      '  waiting for ownable synchronizer 0x000000076ab62238, (a java.util.concurrent.locks.ReentrantLock$NonfairSync),',
      '  which is held by "pool-1-thread-2"',
      '',
      'Java stack information for the threads listed above:',
    ]);
    expect(r?.threads).toEqual(['pool-1-thread-2', 'pool-1-thread-1']);
    expect(r?.locks).toEqual(['ReentrantLock']);
  });

  it("reads Go's fatal deadlock and the goroutines it lists", () => {
    const r = readDeadlock(['fatal error: all goroutines are asleep - deadlock!', '', 'goroutine 1 [sync.Mutex.Lock]:', 'sync.runtime_SemacquireMutex(0xc000012345?, 0x0?, 0x1?)', 'goroutine 7 [chan receive]:']);
    expect(r?.runtime).toBe('Go');
    expect(r?.threads).toEqual(['goroutine 1 [sync.Mutex.Lock]', 'goroutine 7 [chan receive]']);
  });

  it('finds none in a thread dump whose threads are only blocked (busy, not deadlocked)', () => {
    expect(readDeadlock(MONITOR_DUMP.slice(0, 5))).toBeUndefined();
  });
});

describe('findDeadlockReport', () => {
  it('counts every pod whose log carries a report and prefers the killed runs', () => {
    const r = findDeadlockReport([
      { pod: 'pricing-1', container: 'app', previous: false, lines: ['Started PricingApplication in 18.221 seconds'] },
      { pod: 'pricing-1', container: 'app', previous: true, lines: MONITOR_DUMP },
      { pod: 'pricing-2', container: 'app', previous: true, lines: MONITOR_DUMP },
    ]);
    expect(r?.pods).toEqual(['pricing-1', 'pricing-2']);
    expect(r?.previous).toBe(true);
  });
});
