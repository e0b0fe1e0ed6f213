import { describe, expect, it } from 'vitest';
import { analyzePvcPending } from '../../../../src/domain/triage/analyzers/pvc-pending.js';
import { NS, event, minutesAgo } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';
import { multiAttachScenario, pvcPendingScenario } from '../scenarios/storage.js';

describe('analyzePvcPending', () => {
  it('reports a Pending claim with the missing StorageClass and the collapsed events', () => {
    const [f] = analyzePvcPending(pvcPendingScenario());
    expect(f?.title).toBe('PVC data-ledger-0 Pending: StorageClass fast-ssd does not exist');
    expect(f?.layer).toBe('storage');
    expect(f?.severity).toBe('critical');
    expect(f?.evidence).toContain('ProvisioningFailed ×38 over 8m: storageclass.storage.k8s.io "fast-ssd" not found');
    expect(f?.affected?.pods).toEqual(['ledger-0']);
  });

  it('does not blame a claim that waits for its first consumer', () => {
    const ev = pvcPendingScenario();
    ev.events = [event({ object: { kind: 'PersistentVolumeClaim', name: 'data-ledger-0', namespace: NS }, type: 'Normal', reason: 'WaitForFirstConsumer', message: 'waiting for first consumer to be created before binding', firstSeen: minutesAgo(9), lastSeen: minutesAgo(1) })];
    expect(analyzePvcPending(ev)).toEqual([]);
  });

  it('reports a Lost claim as critical', () => {
    const ev = multiAttachScenario();
    ev.pvcs = ev.pvcs.map((p) => ({ ...p, phase: 'Lost' as const }));
    expect(analyzePvcPending(ev)[0]?.title).toBe('PVC data-ledger-0 is Lost: its PersistentVolume pvc-6f1d2c3b-9a8e-4b7c-8d6f-1e2a3b4c5d6e is gone');
  });

  it('stays silent on Bound claims and healthy workloads', () => {
    expect(analyzePvcPending(multiAttachScenario())).toEqual([]);
    expect(analyzePvcPending(healthyScenario())).toEqual([]);
  });
});
