import { describe, expect, it } from 'vitest';
import { analyzeNodeConcentration } from '../../../../src/domain/triage/analyzers/node-concentration.js';
import { NODE_C, REV7, terminated } from '../scenarios/builders.js';
import { crashScenario } from '../scenarios/crashes.js';
import { healthyScenario } from '../scenarios/healthy.js';
import { nodeConcentrationScenario } from '../scenarios/nodes.js';

describe('analyzeNodeConcentration', () => {
  it('names the node when all failing pods sit on it and pods elsewhere are healthy', () => {
    const [f] = analyzeNodeConcentration(nodeConcentrationScenario());
    expect(f?.title).toBe(`Failures concentrated on node ${NODE_C}: 2 failing there, 4 healthy elsewhere`);
    expect(f?.affected?.nodes).toEqual([NODE_C]);
    expect(f?.confidence).toBe('medium');
    expect(f?.evidence[0]).toContain('2/2 pods failing');
  });

  it('does not call one crash on one of five nodes a node cause', () => {
    const ev = crashScenario(1, () => terminated(1, 'Error', 1));
    ev.pods = ev.pods.map((p, i) => ({ ...p, nodeName: `ip-10-0-${i}-10.eu-west-1.compute.internal` }));
    expect(analyzeNodeConcentration(ev)).toEqual([]);
  });

  it('does not call failures spread one per node a node cause', () => {
    const ev = crashScenario(2, () => terminated(1, 'Error', 1));
    ev.pods = ev.pods.map((p, i) => ({ ...p, nodeName: `ip-10-0-${i}-10.eu-west-1.compute.internal` }));
    expect(analyzeNodeConcentration(ev)).toEqual([]);
  });

  it('does not blame a node that also hosts healthy pods of the workload', () => {
    const ev = nodeConcentrationScenario();
    ev.pods = ev.pods.map((p, i) => (i === 5 ? { ...healthyScenario().pods[0]!, name: p.name, nodeName: NODE_C } : p));
    expect(analyzeNodeConcentration(ev)).toEqual([]);
  });

  it('lowers confidence when the failing pods also run a different revision', () => {
    const ev = nodeConcentrationScenario();
    ev.pods = ev.pods.map((p) => (p.nodeName === NODE_C ? { ...p, revisionHash: REV7.hash } : p));
    const [f] = analyzeNodeConcentration(ev);
    expect(f?.confidence).toBe('low');
    expect(f?.likelyCause).toContain('rollout');
  });

  it('stays silent on a healthy workload', () => {
    expect(analyzeNodeConcentration(healthyScenario())).toEqual([]);
  });
});
