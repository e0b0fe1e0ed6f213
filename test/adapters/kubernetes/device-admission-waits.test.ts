// Pods the kubelet rejected at admission for a device it had none of: the node's device plugin is
// the agent to read there, one node once, and nothing is read for other rejections.
import { describe, expect, it } from 'vitest';
import { pickAgentWaits } from '../../../src/adapters/kubernetes/read-node-agents.js';
import { pod } from '../../domain/triage/scenarios/builders.js';

const DEVICE = 'Pod was rejected: Allocate failed due to requested number of devices unavailable for example.com/accel. Requested: 1, Available: 0, which is unexpected';

describe('the node agents to read where pods were rejected for a device', () => {
  it('reads the device plugin of the node the kubelet rejected the pods on', () => {
    const rejected = [0, 1].map((i) => pod(i, { phase: 'Failed', reason: 'UnexpectedAdmissionError', message: DEVICE, nodeName: 'node-gpu-1', ready: false, containers: [] }));
    const waits = pickAgentWaits([], rejected, []);
    expect(waits.map((w) => w.node)).toEqual(['node-gpu-1']);
    expect(waits[0]?.isOurs({ name: 'accel-device-plugin-x7k2p', owner: 'DaemonSet accel-device-plugin', images: ['registry.example.test/accel-device-plugin:1.2.0'] })).toBe(true);
    expect(waits[0]?.isOurs({ name: 'log-shipper-9q8w7', owner: 'DaemonSet log-shipper', images: ['registry.example.test/log-shipper:3.1.0'] })).toBe(false);
  });

  it('reads nothing for pods rejected for room or alignment', () => {
    const out = pod(0, { phase: 'Failed', reason: 'OutOfcpu', message: 'Pod was rejected: Node didn\'t have enough resource: cpu', nodeName: 'node-gpu-1', ready: false, containers: [] });
    expect(pickAgentWaits([], [out], [])).toEqual([]);
  });
});
