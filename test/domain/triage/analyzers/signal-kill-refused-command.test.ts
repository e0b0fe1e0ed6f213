import { describe, expect, it } from 'vitest';
import { analyzeSignalKills } from '../../../../src/domain/triage/analyzers/signal-kill.js';
import { livenessKillScenario } from '../scenarios/crashes.js';

describe('analyzeSignalKills: a server that refuses the exec probe\'s own command', () => {
  it("reads ZooKeeper's whitelist refusal of a four-letter word as the probe's command not being allowed", () => {
    const ev = livenessKillScenario();
    const command = 'sh -c echo mntr | nc localhost 2181 | grep -q zk_server_state';
    ev.pods = ev.pods.map((p) => ({ ...p, containers: p.containers.map((c) => ({ ...c, name: 'zk', probes: { liveness: { type: 'exec' as const, command, periodSeconds: 10, failureThreshold: 3 } } })) }));
    ev.events = ev.events.map((e) => (e.reason === 'Unhealthy' ? { ...e, message: 'Liveness probe failed: mntr is not executed because it is not in the whitelist.' } : { ...e, message: e.message.replace('Container app', 'Container zk') }));
    ev.logs = ev.pods.map((p) => ({ pod: p.name, container: 'zk', previous: true, lines: ['2026-11-21 03:10:03.600 [myid:2] - WARN  [QuorumConnectionThread-[myid=2]-2:o.a.z.s.q.QuorumCnxManager@401] - Cannot open channel to 1 at election address zk-0'] }));
    const [f] = analyzeSignalKills(ev);
    expect(f?.title).toContain(`ZooKeeper refuses the probe's mntr — "mntr is not executed because it is not in the whitelist." (4lw.commands.whitelist)`);
    expect(f?.decisive).toBe('mntr is not executed because it is not in the whitelist.');
    expect(f?.likelyCause).toContain('since ZooKeeper 3.5 a four-letter-word command runs only when 4lw.commands.whitelist lists it');
    expect(f?.fix).toContain('ZOO_4LW_COMMANDS_WHITELIST=mntr,srvr in the official image');
  });
});
