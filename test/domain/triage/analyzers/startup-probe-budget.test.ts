import { describe, expect, it } from 'vitest';
import { analyzeSignalKills } from '../../../../src/domain/triage/analyzers/signal-kill.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import type { Finding } from '../../../../src/domain/triage/finding.js';
import { diffRevisions } from '../../../../src/domain/triage/revision-diff.js';
import { pickChange } from '../../../../src/domain/triage/verdict/mechanism-diff.js';
import { NS, REV6, event, minutesAgo, revision, revisionContainer, terminated } from '../scenarios/builders.js';
import { crashScenario } from '../scenarios/crashes.js';

// A startup probe that kills each run at its budget (initialDelaySeconds + failureThreshold × periodSeconds)
// while the app still boots: the budget is short, not the probe's port or path.

const BOOT_LOG = [
  '2026-11-21T03:10:00.100Z  INFO 1 --- [main] c.e.ledger.LedgerApplication : Starting LedgerApplication v5.2.0 using Java 21.0.5',
  '2026-11-21T03:11:10.400Z  INFO 1 --- [main] o.s.b.w.embedded.tomcat.TomcatWebServer : Tomcat initialized with port 9090 (http)',
  "2026-11-21T03:12:20.700Z  INFO 1 --- [main] j.LocalContainerEntityManagerFactoryBean : Initialized JPA EntityManagerFactory for persistence unit 'default'",
  '2026-11-21T03:12:31.000Z  INFO 1 --- [ionShutdownHook] o.s.b.w.e.tomcat.GracefulShutdown : Commencing graceful shutdown. Waiting for active requests to complete',
];

const STARTUP = { type: 'http' as const, path: '/health/started', port: 9090, periodSeconds: 15, failureThreshold: 10, initialDelaySeconds: 10 };

/** Two pods whose app is killed by its startup probe after `runSeconds`; revision 6 cut the CPU limit when `cut`. */
function startupKillScenario(runSeconds: number, opts: { cut?: boolean; log?: string[] } = {}): TriageEvidence {
  const ev = crashScenario(2, (i) => terminated(143, 'Error', 2 + i, { runSeconds }), { logs: opts.log ?? BOOT_LOG });
  ev.pods = ev.pods.map((p) => ({ ...p, containers: p.containers.map((c) => ({ ...c, ports: [{ containerPort: 9090, protocol: 'TCP' as const }], probes: { ...c.probes, startup: STARTUP }, resources: { requests: { cpu: '200m' }, limits: { cpu: opts.cut ? '400m' : '3' } } })) }));
  const limits = (cpu: string, req: string) => [revisionContainer({ resources: { requests: { cpu: req, memory: '1Gi' }, limits: { cpu, memory: '1Gi' } } })];
  ev.revisions = [
    revision({ revision: 5, hash: '6b8c7d5f9a' }, minutesAgo(21 * 24 * 60), { containers: limits('3', '1500m') }),
    revision(REV6, minutesAgo(50), { replicas: 5, containers: opts.cut ? limits('400m', '200m') : limits('3', '1500m') }),
  ];
  for (const p of ev.pods.slice(0, 2)) {
    ev.events.push(
      event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'Unhealthy', message: `Startup probe failed: Get "http://10.0.3.7:9090/health/started": dial tcp 10.0.3.7:9090: connect: connection refused`, count: 60, firstSeen: minutesAgo(45), lastSeen: minutesAgo(2) }),
      event({ object: { kind: 'Pod', name: p.name, namespace: NS }, type: 'Normal', reason: 'Killing', message: 'Container app failed startup probe, will be restarted', count: 6, firstSeen: minutesAgo(44), lastSeen: minutesAgo(2) }),
    );
  }
  return ev;
}

describe('analyzeSignalKills: a startup probe whose budget runs out before the app has started', () => {
  it('states the budget a reader can check and the CPU limit cut that slowed start-up, never the port and path', () => {
    const [f] = analyzeSignalKills(startupKillScenario(162, { cut: true }));
    expect(f?.kind).toBe('liveness-kill');
    expect(f?.title).toContain('initialDelaySeconds 10 + failureThreshold 10 × periodSeconds 15s = 160s');
    expect(f?.title).toContain('each run is killed after ~162s');
    expect(f?.title).toContain('cut its CPU limit 3 → 400m');
    expect(f?.likelyCause).toContain("Initialized JPA EntityManagerFactory for persistence unit 'default'");
    expect(f?.fix).toContain('restore the CPU limit to 3');
    expect(f?.fix).toContain('failureThreshold');
    expect(f?.fix).not.toContain('port and path');
  });

  it("says how long start-up took in the revision before the cut, from its pods' log", () => {
    const ev = startupKillScenario(162, { cut: true });
    const old = ev.pods[4];
    if (old === undefined) throw new Error('pod');
    ev.pods[4] = { ...old, revisionHash: '6b8c7d5f9a' };
    ev.logs.push({ pod: old.name, container: 'app', previous: false, lines: ['2026-11-01T08:00:38.500Z  INFO 1 --- [main] c.e.ledger.LedgerApplication : Started LedgerApplication in 38.4 seconds (process running for 39.1)'] });
    const [f] = analyzeSignalKills(ev);
    expect(f?.title).toContain('cut its CPU limit 3 → 400m (start-up took ~38s before)');
  });

  it('reads the budget without a CPU cut, and tells to lengthen it', () => {
    const [f] = analyzeSignalKills(startupKillScenario(158));
    expect(f?.title).toContain("the startup probe's budget (initialDelaySeconds 10 + failureThreshold 10 × periodSeconds 15s = 160s) runs out");
    expect(f?.title).not.toMatch(/CPU limit/);
    expect(f?.fix).toMatch(/^raise the startup probe's failureThreshold/);
  });

  it('keeps to other readings when the runs did not last the budget, or the log says the app started', () => {
    const [short] = analyzeSignalKills(startupKillScenario(40, { cut: true }));
    expect(short?.title).not.toMatch(/budget/);
    const started = [...BOOT_LOG.slice(0, 3), '2026-11-21T03:12:25.000Z  INFO 1 --- [main] c.e.ledger.LedgerApplication : Started LedgerApplication in 144.2 seconds (process running for 145.0)', BOOT_LOG[3] ?? ''];
    const [up] = analyzeSignalKills(startupKillScenario(162, { cut: true, log: started.map((l) => l.replace('144.2', '141.2')) }));
    expect(up?.title).not.toMatch(/budget/);
    // Started, but later than the budget: the budget still ran out first on the runs it killed.
    const [late] = analyzeSignalKills(startupKillScenario(162, { cut: true, log: started.map((l) => l.replace('144.2', '171.5')) }));
    expect(late?.title).toMatch(/budget/);
  });
});

describe('pickChange: a start-up a CPU limit cut slowed past the startup probe', () => {
  it('names the CPU limit line, not the request line listed before it', () => {
    const ev = startupKillScenario(162, { cut: true });
    const [older, newer] = [ev.revisions[0], ev.revisions[1]] as const;
    if (older === undefined || newer === undefined) throw new Error('revisions');
    const diff = diffRevisions(older, newer);
    expect(diff.some((l) => / cpu request:/.test(l))).toBe(true);
    const [f] = analyzeSignalKills(ev);
    expect(pickChange(f as Finding, diff, older, newer)).toBe('app cpu limit: 3 → 400m');
  });
});
