import { describe, expect, it } from 'vitest';
import { analyzeCrashLoops } from '../../../../src/domain/triage/analyzers/crash-loop.js';
import { terminated } from '../scenarios/builders.js';
import { JVM_OOM_LOG, crashScenario, oomKillScenario } from '../scenarios/crashes.js';
import { healthyScenario } from '../scenarios/healthy.js';

describe('analyzeCrashLoops', () => {
  it('reports CrashLoopBackOff with the last exit and the tail of the previous logs', () => {
    const [f] = analyzeCrashLoops(oomKillScenario());
    expect(f?.title).toBe('Container app in CrashLoopBackOff on 3/5 pods (21 restarts, last exit 137 OOMKilled)');
    expect(f?.evidence).toContain(`log payment-service-7c9d8f6b5d-x2kqj: ${JVM_OOM_LOG[2] ?? ''}`);
    expect(f?.confidence).toBe('high');
    expect(f?.confirmCommands.some((c) => c.startsWith('kubectl describe node'))).toBe(false);
  });

  it('without logs, points at the pod events and the node', () => {
    const [f] = analyzeCrashLoops(crashScenario(2, () => terminated(2, 'Error', 1, { runSeconds: 0 })));
    expect(f?.evidence).toContain('no previous logs: the container wrote nothing before dying');
    expect(f?.confirmCommands).toContain('kubectl describe node ip-10-0-1-23.eu-west-1.compute.internal --context prod-eu-west-1');
    expect(f?.nextAction).toContain('node');
  });

  it('says logs could not be read when the read failed', () => {
    const ev = crashScenario(1, () => terminated(1, 'Error', 1));
    ev.readFailures.push({ what: 'previous logs of payment-service-7c9d8f6b5d-x2kqj/app', source: 'logs', reason: 'forbidden', detail: 'pods "payment-service-7c9d8f6b5d-x2kqj" is forbidden: User "system:serviceaccount:rootcause:rootcause" cannot get resource "pods/log"' });
    expect(analyzeCrashLoops(ev)[0]?.evidence).toContain('previous logs could not be read');
  });

  it('stays silent on a healthy workload', () => {
    expect(analyzeCrashLoops(healthyScenario())).toEqual([]);
  });
});
