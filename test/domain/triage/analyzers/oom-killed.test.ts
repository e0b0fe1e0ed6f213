import { describe, expect, it } from 'vitest';
import { analyzeOomKilled } from '../../../../src/domain/triage/analyzers/oom-killed.js';
import { baseEvidence, container, crashLooping, event, hpa, minutesAgo, pod, podName, running, terminated } from '../scenarios/builders.js';
import { crashScenario, oomKillScenario } from '../scenarios/crashes.js';
import { healthyScenario } from '../scenarios/healthy.js';

describe('analyzeOomKilled', () => {
  it('reports OOMKilled containers with the memory limit, QoS class and share of pods', () => {
    const [f, ...rest] = analyzeOomKilled(oomKillScenario());
    expect(rest).toHaveLength(0);
    expect(f?.title).toBe('Container app OOMKilled at its 512Mi memory limit (3/5 pods)');
    expect(f?.layer).toBe('container/process');
    expect(f?.severity).toBe('critical');
    expect(f?.confidence).toBe('high');
    expect(f?.evidence).toContain('memory limit 512Mi, request 512Mi; QoS Burstable');
    expect(f?.affected?.pods).toHaveLength(3);
    expect(f?.nextAction).toContain('512Mi → 768Mi');
    expect(f?.confirmCommands[0]).toBe('kubectl describe pod payment-service-7c9d8f6b5d-x2kqj -n payments --context prod-eu-west-1');
  });

  it('names an HPA whose memory target lies above what the limit allows: the pods die before it scales out', () => {
    const ev = oomKillScenario();
    for (const p of ev.pods) for (const c of p.containers) c.resources = { requests: { cpu: '250m', memory: '512Mi' }, limits: { memory: '640Mi' } };
    ev.hpas = [hpa({ name: 'payment-service', minReplicas: 3, maxReplicas: 20, currentReplicas: 3, desiredReplicas: 3, metrics: [{ name: 'memory', current: '118%', target: '150%' }] })];
    const [f] = analyzeOomKilled(ev);
    expect(f?.title).toContain('HPA payment-service scales on memory at 150% of the 512Mi request (768Mi per pod), above the 640Mi limit (125%)');
    expect(f?.evidence.join('\n')).toContain('memory now 118%');
    expect(f?.nextAction).toMatch(/lower HPA payment-service's memory target below the limit/);
    expect(`${f?.title} ${f?.likelyCause}`).not.toMatch(/\bleak/i);
  });

  it('leaves an HPA whose memory target fits under the limit out of the OOM finding', () => {
    const ev = oomKillScenario();
    for (const p of ev.pods) for (const c of p.containers) c.resources = { requests: { memory: '512Mi' }, limits: { memory: '1Gi' } };
    ev.hpas = [hpa({ metrics: [{ name: 'memory', current: '80%', target: '150%' }] })];
    const [f] = analyzeOomKilled(ev);
    expect(f?.title).not.toContain('HPA');
  });

  it("names a database's memory pool sized over the limit (shared_buffers in its ConfigMap), dated from the pods' start", () => {
    const ev = oomKillScenario();
    for (const p of ev.pods) {
      p.volumes = [{ name: 'config', source: 'configMap', ref: 'db-config' }];
      for (const c of p.containers) c.volumeMounts = [{ name: 'config', mountPath: '/etc/postgresql' }];
    }
    ev.memoryPoolConfig = [{ configMap: 'db-config', key: 'postgresql.conf', container: 'app', setting: 'shared_buffers', value: '768MB' }];
    const [f] = analyzeOomKilled(ev);
    expect(f?.title).toBe("Container app OOMKilled at its 512Mi memory limit (3/5 pods): shared_buffers = 768MB (ConfigMap db-config, key postgresql.conf) sizes Postgres's shared buffer pool over it");
    expect(f?.fix).toContain('shared_buffers = 128MB');
    expect(f?.affected?.configMaps).toEqual(['db-config']);
    expect(f?.buildsUp).toBeDefined();
    expect(f?.onset).toBeDefined();
    expect(f?.likelyCause).not.toMatch(/memory leak/i);
  });

  it('stays silent on a healthy workload', () => {
    expect(analyzeOomKilled(healthyScenario())).toEqual([]);
  });

  it('does not call exit 137 without the OOMKilled reason an OOM kill', () => {
    expect(analyzeOomKilled(crashScenario(3, () => terminated(137, 'Error', 2)))).toEqual([]);
  });

  it('names the node as the cause when no memory limit is set', () => {
    const ev = oomKillScenario();
    for (const p of ev.pods) for (const c of p.containers) c.resources = { requests: { cpu: '250m' }, limits: {} };
    const [f] = analyzeOomKilled(ev);
    expect(f?.title).toContain('no memory limit');
    expect(f?.likelyCause).toContain("node's OOM killer");
  });

  it('keeps a recovered kill from hours before out when other pods crash now with another exit: history, not the cause', () => {
    const killed = pod(0, { containers: [container({ state: running(600), restartCount: 1, lastState: terminated(137, 'OOMKilled', 600) })] });
    const crashing = pod(1, { ready: false, createdAt: minutesAgo(20), startTime: minutesAgo(20), containers: [crashLooping(podName('x', 1), terminated(2, 'Error', 1, { runSeconds: 1 }), 8)] });
    expect(analyzeOomKilled(baseEvidence({ pods: [killed, crashing] }))).toEqual([]);
    // Alone, or beside crashes that began soon after it, the kill is still told.
    expect(analyzeOomKilled(baseEvidence({ pods: [killed] }))[0]?.severity).toBe('info');
    const soonAfter = pod(1, { ready: false, createdAt: minutesAgo(630), startTime: minutesAgo(630), containers: [crashLooping(podName('x', 1), terminated(2, 'Error', 1, { runSeconds: 1 }), 80)] });
    const backOff = event({ object: { kind: 'Pod', name: soonAfter.name, namespace: 'payments' }, reason: 'BackOff', message: 'Back-off restarting failed container app', count: 200, firstSeen: minutesAgo(595) });
    expect(analyzeOomKilled(baseEvidence({ pods: [killed, soonAfter], events: [backOff] }))).toHaveLength(1);
  });

  it('keeps an OOM kill from three days ago out, and one from five hours ago only as info', () => {
    const old = baseEvidence({ pods: [pod(0, { containers: [container({ state: running(60), restartCount: 1, lastState: terminated(137, 'OOMKilled', 3 * 24 * 60) })] })] });
    expect(analyzeOomKilled(old)).toEqual([]);
    const earlier = baseEvidence({ pods: [pod(0, { containers: [container({ state: running(300), restartCount: 1, lastState: terminated(137, 'OOMKilled', 300) })] })] });
    expect(analyzeOomKilled(earlier)[0]?.severity).toBe('info');
  });
});

describe('analyzeOomKilled on a start-up replay', () => {
  const replayLog = (segment: number) => [
    'ts=2026-11-21T03:05:12.118Z caller=main.go:1160 level=info msg="Starting TSDB ..."',
    'ts=2026-11-21T03:05:23.408Z caller=head.go:721 level=info component=tsdb msg="Replaying WAL, this may take a while"',
    'ts=2026-11-21T03:05:38.902Z caller=head.go:758 level=info component=tsdb msg="WAL checkpoint loaded"',
    `ts=2026-11-21T03:06:41.530Z caller=head.go:793 level=info component=tsdb msg="WAL segment loaded" segment=${segment} maxSegment=4597`,
  ];

  it('says the kills come during the WAL replay at start-up, with the segment reached, and that restarts replay it again', () => {
    const ev = oomKillScenario();
    ev.logs = ev.logs.map((l, i) => ({ ...l, lines: replayLog(4520 + i) }));
    const [f] = analyzeOomKilled(ev);
    expect(f?.title).toContain('during start-up replay of its WAL (last logged: segment 4522 of 4597): every restart replays it again');
    expect(f?.evidence.join('\n')).toContain('msg="WAL segment loaded" segment=4520 maxSegment=4597');
    expect(f?.nextAction).toMatch(/memory enough to finish the replay \(e\.g\. 512Mi → 768Mi\), or move the WAL aside/);
    expect(f?.fix).toMatch(/move the WAL aside/);
    expect(f?.likelyCause).toContain('each restart replays the same log again');
  });

  it('keeps the general reading when one killed run got past its replay', () => {
    const ev = oomKillScenario();
    ev.logs = ev.logs.map((l, i) => ({ ...l, lines: i === 0 ? [...replayLog(4597), 'ts=2026-11-21T03:07:02.611Z caller=main.go:1181 level=info msg="TSDB started"'] : replayLog(4520 + i) }));
    const [f] = analyzeOomKilled(ev);
    expect(f?.title).toBe('Container app OOMKilled at its 512Mi memory limit (3/5 pods)');
  });
});
