import { describe, expect, it } from 'vitest';
import { analyzeSignalKills } from '../../../../src/domain/triage/analyzers/signal-kill.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NS, event, minutesAgo, running, terminated } from '../scenarios/builders.js';
import { crashScenario, livenessKillScenario, oomKillScenario } from '../scenarios/crashes.js';
import { healthyScenario } from '../scenarios/healthy.js';

describe('analyzeSignalKills: start-up work the probe does not wait for', () => {
  it('quotes the migration the killed runs were doing when the probe gave up', () => {
    const ev = livenessKillScenario();
    ev.events = ev.events.map((e) => (e.reason === 'Unhealthy' ? { ...e, message: 'Liveness probe failed: Get "http://10.0.1.104:8080/healthz": dial tcp 10.0.1.104:8080: connect: connection refused' } : e));
    ev.logs = ev.pods.slice(0, 3).map((p) => ({
      pod: p.name,
      container: 'app',
      previous: true,
      lines: [
        '2026-11-21 03:10:02.100  INFO 1 --- [main] o.f.core.internal.command.DbMigrate : Migrating schema "catalog" to version "212 - backfill sku search vectors"',
        '2026-11-21 03:11:30.400  INFO 1 --- [ionShutdownHook] o.s.b.w.e.tomcat.GracefulShutdown : Commencing graceful shutdown',
      ],
    }));
    const [f] = analyzeSignalKills(ev);
    expect(f?.title).toContain('while it is still starting up — its log: "Migrating schema "catalog" to version "212 - backfill sku search vectors"" — the liveness probe gives up after');
    expect(f?.fix).toBe('let the start-up work finish: run it as a Job before the rollout (a migration), or give the liveness probe more time');
  });
});

describe('analyzeSignalKills: a store that requires a password its exec probe does not give', () => {
  it('reads NOAUTH from a redis-cli ping probe as the probe not authenticating, names the fix and says restarting does not help', () => {
    const ev = livenessKillScenario();
    const command = 'sh -c redis-cli -h localhost -p 6379 ping | grep -q PONG';
    ev.pods = ev.pods.map((p) => ({ ...p, containers: p.containers.map((c) => ({ ...c, name: 'redis', probes: { liveness: { type: 'exec' as const, command, periodSeconds: 10, failureThreshold: 3 } } })) }));
    ev.events = ev.events.map((e) => (e.reason === 'Unhealthy' ? { ...e, message: 'Liveness probe failed: NOAUTH Authentication required.' } : { ...e, message: e.message.replace('Container app', 'Container redis') }));
    const [f] = analyzeSignalKills(ev);
    expect(f?.title).toContain(': its `redis-cli -h localhost -p 6379 ping` does not authenticate, and Redis requires a password');
    expect(f?.likelyCause).toContain('requires a password (requirepass or an ACL user)');
    expect(f?.fix).toContain('REDISCLI_AUTH');
    expect(f?.fix).toContain('tcpSocket on :');
    expect(f?.nextAction).toContain('Restarting will not help');
    expect(f?.nextAction).not.toMatch(/relax/);
  });
});

describe('analyzeSignalKills', () => {
  it('recognises liveness probe kills from the probe events and says why the probe fails', () => {
    const findings = analyzeSignalKills(livenessKillScenario());
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f?.kind).toBe('liveness-kill');
    expect(f?.layer).toBe('runtime/probes');
    expect(f?.title).toBe('Liveness probe is killing container app (3/5 pods, exit 137)');
    expect(f?.confidence).toBe('high');
    expect(f?.likelyCause).toContain('1s timeout');
    expect(f?.evidence).toContain('liveness probe: GET :8080/healthz, after 10s, every 10s, timeout 1s, 3 failures');
    expect(f?.evidence.some((l) => l.includes('Unhealthy ×63 over 30m'))).toBe(true);
  });

  it('reads an exec probe that cannot run ("Liveness probe errored") and names why, not a timeout', () => {
    const ev = livenessKillScenario();
    const exec = 'Liveness probe errored: rpc error: code = Unknown desc = failed to exec in container: OCI runtime exec failed: exec failed: unable to start container process: exec: "/bin/sh": stat /bin/sh: no such file or directory: unknown';
    ev.events = ev.events.map((e) => (e.reason === 'Unhealthy' ? { ...e, message: exec } : e));
    const [f] = analyzeSignalKills(ev);
    expect(f?.kind).toBe('liveness-kill');
    expect(f?.decisive).toContain('exec: "/bin/sh": stat /bin/sh: no such file or directory');
    expect(f?.likelyCause).toContain('the probe\'s command cannot run in the container');
    expect(f?.likelyCause).not.toContain('timeout');
    expect(f?.fix).toMatch(/httpGet|command the image has/);
    expect(f?.nextAction).not.toMatch(/relax/);
  });

  it('reports 137 without OOMKilled and without probe events as an outside SIGKILL with low confidence, never OOM', () => {
    const [f] = analyzeSignalKills(crashScenario(3, () => terminated(137, 'Error', 2)));
    expect(f?.kind).toBe('signal-kill');
    expect(f?.title).toContain('SIGKILL (exit 137, not OOMKilled)');
    expect(f?.confidence).toBe('low');
    expect(f?.likelyCause).toContain('not a memory-limit kill');
    expect(f?.title).not.toMatch(/OOM(?!Killed\))/);
  });

  it('reports SIGTERM (143) restarts as a warning at most', () => {
    const [f] = analyzeSignalKills(crashScenario(4, () => terminated(143, 'Error', 2)));
    expect(f?.title).toContain('SIGTERM (exit 143)');
    expect(f?.severity).toBe('warning');
  });

  it('names preemption when the pod was preempted', () => {
    const ev = crashScenario(1, () => terminated(137, 'Error', 2));
    ev.events.push(event({ object: { kind: 'Pod', name: ev.pods[0]?.name ?? '', namespace: NS }, reason: 'Preempted', message: 'Preempted by pod 5d1a2c3b-8e9f-4a0b-9c1d-2e3f4a5b6c7d on node ip-10-0-1-23.eu-west-1.compute.internal', firstSeen: minutesAgo(3), lastSeen: minutesAgo(3) }));
    const [f] = analyzeSignalKills(ev);
    expect(f?.confidence).toBe('medium');
    expect(f?.likelyCause).toContain('preemption');
  });

  it('leaves OOMKilled containers and healthy workloads alone', () => {
    expect(analyzeSignalKills(oomKillScenario())).toEqual([]);
    expect(analyzeSignalKills(healthyScenario())).toEqual([]);
  });
});

describe('analyzeSignalKills: an app that exits 0 on the probe kill', () => {
  it('counts a graceful exit 0 right after a liveness kill as the probe killing it, and says why the probe fails', () => {
    const ev = livenessKillScenario();
    ev.pods = ev.pods.map((p, i) => (i < 3 ? { ...p, containers: p.containers.map((c) => ({ ...c, lastState: terminated(0, 'Completed', 3 + i) })) } : p));
    ev.events = ev.events.map((e) => (e.reason === 'Unhealthy' ? { ...e, message: 'Liveness probe failed: HTTP probe failed with statuscode: 400' } : e));
    ev.logs = ev.pods.slice(0, 3).map((p) => ({ pod: p.name, container: 'app', previous: true, lines: ['{"level":"info","msg":"serving HTTPS","addr":":8080"}', '{"level":"info","msg":"received terminated, shutting down gracefully"}'] }));
    const [f] = analyzeSignalKills(ev);
    expect(f?.kind).toBe('liveness-kill');
    expect(f?.title).toBe('Liveness probe is killing container app (3/5 pods, exit 0): it sends plain HTTP to :8080 that serves TLS (its log: "serving HTTPS (addr :8080)"), which answers 400');
    expect(f?.fix).toBe('set scheme: HTTPS on the probe (httpGet.scheme)');
  });

  it('leaves an exit 0 long after the last probe kill to the clean-exit reading', () => {
    const ev = livenessKillScenario();
    ev.pods = ev.pods.map((p, i) => (i < 3 ? { ...p, containers: p.containers.map((c) => ({ ...c, lastState: terminated(0, 'Completed', 30) })) } : p));
    expect(analyzeSignalKills(ev)).toEqual([]);
  });
});

describe('analyzeSignalKills: an earlier stop the container has long recovered from', () => {
  it('tells it as past, and names no sender the evidence cannot show (no liveness kill without its events)', () => {
    const ev = crashScenario(0, () => terminated(143, 'Error', 0));
    const [first] = ev.pods;
    if (first === undefined) throw new Error('no pod');
    ev.pods[0] = { ...first, containers: first.containers.map((c) => ({ ...c, state: running(19 * 60), lastState: terminated(143, 'Error', 19 * 60, { runSeconds: 2 * 24 * 3600 }), restartCount: 1 })) };
    const [f] = analyzeSignalKills(ev);
    expect(f?.kind).toBe('signal-kill');
    expect(f?.severity).toBe('info');
    expect(f?.title).toContain('SIGTERM (exit 143) on 1/5 pods, 19h ago; running since');
    const claims = [f?.title, f?.likelyCause, f?.nextAction].join('\n');
    expect(claims).not.toMatch(/liveness/i);
    expect(f?.likelyCause).toContain('not part of the current failure');
  });

  it('still lists a liveness kill among the suspects of a stop that is current', () => {
    const [f] = analyzeSignalKills(crashScenario(2, () => terminated(143, 'Error', 2)));
    expect(f?.likelyCause).toContain('a liveness probe kill whose events have expired');
  });
});

describe('analyzeSignalKills: an app whose runtime reports a deadlock', () => {
  /** What the preStop hook's kill -3 leaves at the end of each killed run's log. */
  const deadlockLog = [
    '2026-11-21 03:31:02.410  INFO 1 --- [price-cache-refresh-1] c.a.p.cache.PriceCacheRefresher : Refreshing price cache under FX lock (PRICE-712): 48306 SKUs, 14 currencies',
    'Full thread dump OpenJDK 64-Bit Server VM (21.0.5+11-LTS mixed mode, sharing):',
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
    'Found 1 deadlock.',
  ];

  it('names the deadlock and its threads when the probe times out, and never blames the probe', () => {
    const ev = livenessKillScenario();
    ev.logs = ev.pods.slice(0, 3).map((p) => ({ pod: p.name, container: 'app', previous: true, lines: deadlockLog }));
    const [f] = analyzeSignalKills(ev);
    expect(f?.kind).toBe('liveness-kill');
    expect(f?.title).toContain('the app deadlocks (threads http-nio-8080-exec-7 and price-cache-refresh-1 wait on each other\'s locks), so it stops answering and the probe times out');
    expect(f?.decisive).toContain('Found one Java-level deadlock:');
    expect(f?.evidence.some((l) => l.includes('previous log of 3/3 killed pods'))).toBe(true);
    expect(f?.fix).toContain('fix the lock order in the app (FxRateTable and PriceCache are taken in opposite orders)');
    expect(f?.fix).not.toMatch(/point the liveness probe|relax/);
    expect(f?.nextAction).not.toMatch(/^Mitigate: .*relax/);
  });

  it('leaves a refused probe to the probe readings: a deadlocked app still accepts connections', () => {
    const ev = livenessKillScenario();
    ev.events = ev.events.map((e) => (e.reason === 'Unhealthy' ? { ...e, message: 'Liveness probe failed: Get "http://10.0.1.104:8080/healthz": dial tcp 10.0.1.104:8080: connect: connection refused' } : e));
    ev.logs = ev.pods.slice(0, 3).map((p) => ({ pod: p.name, container: 'app', previous: true, lines: deadlockLog }));
    const [f] = analyzeSignalKills(ev);
    expect(f?.title).not.toContain('deadlock');
  });
});

describe('analyzeSignalKills: the killing probe\'s own failures decide the advice', () => {
  it('does not tell to move a liveness probe that timed out because the startup probe was refused before the app listened', () => {
    const ev = livenessKillScenario();
    const first = ev.pods[0];
    ev.events.push(event({ object: { kind: 'Pod', name: first?.name ?? '', namespace: NS }, reason: 'Unhealthy', message: 'Startup probe failed: Get "http://10.0.1.104:8080/healthz": dial tcp 10.0.1.104:8080: connect: connection refused', count: 3, firstSeen: minutesAgo(33), lastSeen: minutesAgo(20) }));
    ev.pods = ev.pods.map((p) => ({ ...p, containers: p.containers.map((c) => ({ ...c, probes: { ...c.probes, startup: { type: 'http' as const, path: '/healthz', port: 8080, periodSeconds: 5, failureThreshold: 30 } } })) }));
    const [f] = analyzeSignalKills(ev);
    expect(f?.kind).toBe('liveness-kill');
    expect(f?.fix).not.toContain('port and path');
    expect(f?.likelyCause).toContain('timeout');
  });
});

describe('analyzeSignalKills: a liveness probe that kills an app still loading its data', () => {
  const LOADING = 'Liveness probe failed: LOADING Redis is loading the dataset in memory';
  /** Redis killed ~51 s into every start by a `redis-cli ping` liveness probe (30 s delay, 3 × 10 s). */
  function loadingScenario(): TriageEvidence {
    const ev = crashScenario(1, () => terminated(0, 'Completed', 4, { runSeconds: 51 }), { restarts: 12 });
    const liveness = { type: 'exec' as const, command: 'sh -c redis-cli ping', initialDelaySeconds: 30, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 };
    ev.pods = ev.pods.map((p, i) => (i > 0 ? p : { ...p, containers: p.containers.map((c) => ({ ...c, name: 'redis', probes: { liveness } })) }));
    const p = ev.pods[0]!;
    ev.events = [
      event({ object: { kind: 'Pod', name: p.name, namespace: NS, fieldPath: 'spec.containers{redis}' }, reason: 'Unhealthy', message: LOADING, count: 37, firstSeen: minutesAgo(57), lastSeen: minutesAgo(0.2) }),
      event({ object: { kind: 'Pod', name: p.name, namespace: NS, fieldPath: 'spec.containers{redis}' }, type: 'Normal', reason: 'Killing', message: 'Container redis failed liveness probe, will be restarted', count: 12, firstSeen: minutesAgo(57), lastSeen: minutesAgo(4) }),
    ];
    ev.logs = [{ pod: p.name, container: 'redis', previous: true, lines: [
      '1:M 21 Nov 2026 03:09:21.000 * Server initialized',
      '1:M 21 Nov 2026 03:09:21.001 * Loading RDB produced by version 7.2.4',
      '1:M 21 Nov 2026 03:09:21.001 * RDB memory usage when created 10843.21 Mb',
      '1:M 21 Nov 2026 03:10:12.000 # User requested shutdown...',
    ] }];
    return ev;
  }

  it('names the load outlasting the probe budget, advises a startupProbe and clears a revision that left the probe alone', () => {
    const [f] = analyzeSignalKills(loadingScenario());
    expect(f?.kind).toBe('liveness-kill');
    expect(f?.title).toContain('it is still loading ("LOADING Redis is loading the dataset in memory")');
    expect(f?.title).toContain('Loading RDB produced by version 7.2.4');
    expect(f?.title).toContain('initialDelaySeconds 30 + failureThreshold 3 × periodSeconds 10s = 60s');
    expect(f?.title).toContain('killed ~51s in');
    expect(f?.fix).toMatch(/^add a startupProbe whose budget covers the load time/);
    expect(f?.outsideWorkload).toMatch(/any restart, of any revision/);
    expect(f?.nextAction).not.toMatch(/relax the liveness probe \(timeoutSeconds/);
  });

  it('leaves the rollback open when the newest revision changed the liveness probe itself', () => {
    const ev = loadingScenario();
    ev.revisions = ev.revisions.map((r, i) => ({ ...r, containers: r.containers.map((c) => ({ ...c, name: 'redis', probes: { liveness: i === 0 ? 'exec redis-cli ping, after 300s, every 10s, 3 failures' : 'exec redis-cli ping, after 30s, every 10s, 3 failures' } })) }));
    const [f] = analyzeSignalKills(ev);
    expect(f?.title).toContain('it is still loading');
    expect(f?.outsideWorkload).toBeUndefined();
  });
});

describe('analyzeSignalKills: a standby killed for not streaming, whose primary is another database cluster', () => {
  it('reads the standby\'s own log (system identifier differs) and advises a re-seed, not a restart', () => {
    const ev = livenessKillScenario();
    ev.events = ev.events.map((e) => (e.reason === 'Unhealthy' ? { ...e, message: 'Liveness probe failed: not streaming' } : e));
    ev.logs = ev.pods.slice(0, 3).map((p) => ({
      pod: p.name, container: 'app', previous: true,
      lines: ['FATAL:  database system identifier differs between the primary and standby', "DETAIL:  The primary's identifier is 7111111111111111111, the standby's identifier is 7000000000000000000."],
    }));
    const [f] = analyzeSignalKills(ev);
    expect(f?.title).toMatch(/its primary is another database cluster now \("database system identifier differs between the primary and standby"/);
    expect(f?.fix).toMatch(/^re-seed .* \(pg_basebackup into an emptied data directory/);
    expect(f?.outsideWorkload).toBeDefined();
    expect(f?.nextAction).toMatch(/changes nothing/);
  });
});
