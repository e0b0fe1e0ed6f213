// A JVM too old to read cgroup v2 limits, OOM-killed on nodes that mount cgroup v2, sizes its heap
// from the node: the finding names the JVM version and the heap it picked, never a bigger limit.
import { describe, expect, it } from 'vitest';
import { analyzeOomKilled } from '../../../src/domain/triage/analyzers/oom-killed.js';
import { blindToCgroupV2, isCgroupV2Os, parseImageJavaVersion, parseJavaVersion } from '../../../src/domain/triage/jvm-cgroup-blind.js';
import { diagnose } from '../../../src/domain/triage/verdict/diagnose.js';
import { baseEvidence, container, crashLooping, node, pod, podName, REV6, terminated } from './scenarios/builders.js';

const RAISE_LIMIT = /(raise|increase|bump|double)[^\n]*(memory )?limit/i;

function killedJvm(opts: { version: string; newOs: string; heapLine?: boolean; xmx?: boolean }) {
  const spec = {
    resources: { requests: { memory: '3Gi' }, limits: { memory: '3Gi' } },
    env: [{ name: 'JAVA_TOOL_OPTIONS', value: opts.xmx ? '-Xmx2g' : '-XX:MaxRAMPercentage=70' }],
  };
  const nodes = [
    node('old-a', { osImage: 'Amazon Linux 2', capacity: { cpu: '16', memory: '64Gi' } }),
    node('new-a', { osImage: opts.newOs, capacity: { cpu: '16', memory: '64Gi' } }),
    node('new-b', { osImage: opts.newOs, capacity: { cpu: '16', memory: '64Gi' } }),
  ];
  const pods = [
    pod(0, { nodeName: 'old-a', containers: [container(spec)] }),
    pod(1, { nodeName: 'new-a', ready: false, containers: [crashLooping(podName(REV6.hash, 1), terminated(137, 'OOMKilled', 3, { runSeconds: 3000 }), 6, spec)] }),
    pod(2, { nodeName: 'new-b', ready: false, containers: [crashLooping(podName(REV6.hash, 2), terminated(137, 'OOMKilled', 9, { runSeconds: 4000 }), 5, spec)] }),
  ];
  const boot = (heap: string) => [
    ...(opts.heapLine ? ['VM settings:', `    Max. Heap Size (Estimated): ${heap}`] : []),
    `2026-11-02 10:00:00.000  INFO 1 --- [main] c.e.orders.OrdersApplication : Starting OrdersApplication using Java ${opts.version} with PID 1`,
  ];
  return baseEvidence({
    pods,
    nodes,
    logs: pods.map((p, i) => ({ pod: p.name, container: 'app', previous: false, lines: boot(i === 0 ? '2.10G' : '44.80G') })),
  });
}

describe('a JVM blind to cgroup v2, OOM-killed on cgroup v2 nodes', () => {
  it('names the Java version, the cgroup v2 nodes and the heap sized from the node, and the upgrade or -Xmx', () => {
    const ev = killedJvm({ version: '1.8.0_275', newOs: 'Bottlerocket OS 1.26.2 (aws-k8s-1.31)', heapLine: true });
    const findings = analyzeOomKilled(ev);
    const [f] = findings;
    expect(f?.title).toMatch(/Java 1\.8\.0_275 predates cgroup v2/);
    expect(f?.title).toMatch(/Bottlerocket/);
    expect(f?.title).toMatch(/max heap 44\.80G/);
    expect(f?.nextAction).toMatch(/8u372\+/);
    expect(f?.nextAction).toMatch(/-Xmx/);
    const d = diagnose(ev, findings);
    expect(d?.headline).toMatch(/cgroup v2/);
    expect(d?.headline).not.toMatch(RAISE_LIMIT);
  });

  it('reads it from the node OS alone, without a logged heap', () => {
    const [f] = analyzeOomKilled(killedJvm({ version: '11.0.12', newOs: 'Ubuntu 22.04.4 LTS' }));
    expect(f?.title).toMatch(/Java 11\.0\.12 predates cgroup v2 container support \(11\.0\.16\)/);
  });

  it('stays silent for a JVM that reads cgroup v2, for cgroup v1 nodes, and for an explicit -Xmx', () => {
    for (const ev of [
      killedJvm({ version: '1.8.0_392', newOs: 'Amazon Linux 2023.6.20241121', heapLine: true }),
      killedJvm({ version: '17.0.9', newOs: 'Amazon Linux 2023.6.20241121' }),
      killedJvm({ version: '1.8.0_292', newOs: 'Amazon Linux 2' }),
      killedJvm({ version: '1.8.0_292', newOs: 'Amazon Linux 2023.6.20241121', xmx: true }),
    ]) {
      const [f] = analyzeOomKilled(ev);
      expect(f?.title ?? '').not.toMatch(/cgroup v2/);
    }
  });
});

describe('Java versions and cgroup v2 OS images', () => {
  it('reads versions from logs and image tags', () => {
    expect(parseJavaVersion('openjdk version "1.8.0_292"')).toMatchObject({ major: 8, update: 292 });
    expect(parseJavaVersion('Starting App using Java 11.0.12 with PID 1')).toMatchObject({ major: 11, update: 12 });
    expect(parseImageJavaVersion('docker.io/library/openjdk:8u292-jre-slim')).toMatchObject({ major: 8, update: 292 });
    expect(parseImageJavaVersion('eclipse-temurin:11.0.20_8-jre')).toMatchObject({ major: 11, update: 20 });
    expect(parseImageJavaVersion('registry/orders-service:5.14.2')).toBeUndefined();
  });
  it('knows which versions read cgroup v2 and which OS images mount it', () => {
    expect(blindToCgroupV2({ written: '8u292', major: 8, update: 292 })).toBe(true);
    expect(blindToCgroupV2({ written: '8u372', major: 8, update: 372 })).toBe(false);
    expect(blindToCgroupV2({ written: '11.0.16', major: 11, update: 16 })).toBe(false);
    expect(blindToCgroupV2({ written: '17.0.1', major: 17, update: 1 })).toBe(false);
    expect(isCgroupV2Os('Amazon Linux 2023.7.20250512')).toBe(true);
    expect(isCgroupV2Os('Amazon Linux 2')).toBe(false);
    expect(isCgroupV2Os('Ubuntu 20.04.6 LTS')).toBe(false);
  });
});
