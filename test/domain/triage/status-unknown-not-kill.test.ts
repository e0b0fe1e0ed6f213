// Exit 137 with reason ContainerStatusUnknown is what the kubelet writes for a container it could not
// find (a node rebooted under it, a pod rejected at admission): no process sent a signal.
import { describe, expect, it } from 'vitest';
import { analyzeSignalKills } from '../../../src/domain/triage/analyzers/signal-kill.js';
import { terminated } from './scenarios/builders.js';
import { crashScenario } from './scenarios/crashes.js';

describe('a container status the kubelet lost', () => {
  it('is not read as a SIGKILL', () => {
    expect(analyzeSignalKills(crashScenario(2, () => terminated(137, 'ContainerStatusUnknown', 30, { message: 'The container could not be located when the pod was terminated' })))).toEqual([]);
  });

  it('leaves a real exit 137 to the signal reading', () => {
    expect(analyzeSignalKills(crashScenario(2, () => terminated(137, 'Error', 3)))[0]?.title).toContain('SIGKILL (exit 137, not OOMKilled)');
  });
});
