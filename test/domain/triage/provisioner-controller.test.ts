// A claim waiting on an external provisioner that never creates its volume: the controller that
// runs that provisioner is found among kube-system's Deployments and StatefulSets, and its state
// (scaled to 0, no pod ready, running) is what the finding says and advises.
import { describe, expect, it } from 'vitest';
import { analyzePvcPending } from '../../../src/domain/triage/analyzers/pvc-pending.js';
import type { ControllerCandidate } from '../../../src/domain/triage/evidence-provisioner.js';
import { findProvisionerController, pickStalledProvisioner } from '../../../src/domain/triage/provisioner-controller.js';
import { NS, event, minutesAgo, NOW } from './scenarios/builders.js';
import { pvcPendingScenario } from './scenarios/storage.js';

const DRIVER = 'ebs.csi.aws.com';
const claim = { object: { kind: 'PersistentVolumeClaim', name: 'data-ledger-0', namespace: NS }, type: 'Normal' as const };
const waiting = (firstAgo: number) => [
  event({ ...claim, reason: 'ExternalProvisioning', message: `Waiting for a volume to be created either by the external provisioner '${DRIVER}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`, count: 80, firstSeen: minutesAgo(firstAgo), lastSeen: minutesAgo(0.1) }),
];

function candidate(name: string, over: Partial<ControllerCandidate> = {}): ControllerCandidate {
  return {
    kind: 'Deployment', namespace: 'kube-system', name, replicas: 2, readyReplicas: 2,
    containers: [{ name: 'plugin', image: `registry.example.com/${name}:1.0`, args: ['controller'] }, { name: 'csi-provisioner', image: 'registry.k8s.io/sig-storage/csi-provisioner:v5.1.0', args: ['--csi-address=$(ADDRESS)'] }],
    ...over,
  };
}

describe('pickStalledProvisioner', () => {
  it('names the provisioner a Pending claim has waited on for longer than a volume takes, and not one just asked', () => {
    const ev = pvcPendingScenario();
    expect(pickStalledProvisioner(ev.pvcs, waiting(20), NOW)).toEqual({ driver: DRIVER, since: minutesAgo(20) });
    expect(pickStalledProvisioner(ev.pvcs, waiting(1), NOW)).toBeUndefined();
  });
});

describe('findProvisionerController', () => {
  it('finds the controller named after the driver that runs a provisioner sidecar, among other drivers', () => {
    const found = findProvisionerController(DRIVER, [candidate('coredns', { containers: [{ name: 'coredns', image: 'coredns:1.11', args: [] }] }), candidate('efs-csi-controller'), candidate('ebs-csi-controller')]);
    expect(found?.name).toBe('ebs-csi-controller');
  });

  it('prefers the one whose arguments name the driver, and guesses none when nothing matches', () => {
    const byArgs = candidate('storage-controller', { containers: [{ name: 'provisioner', image: 'example/provisioner:2', args: [`--drivername=${DRIVER}`] }] });
    expect(findProvisionerController(DRIVER, [candidate('efs-csi-controller'), byArgs])?.name).toBe('storage-controller');
    expect(findProvisionerController(DRIVER, [candidate('efs-csi-controller')])).toBeUndefined();
  });
});

describe('analyzePvcPending with the provisioner controller read', () => {
  it('says the controller is scaled to 0, who scaled it and when, and to scale it back up', () => {
    const ev = pvcPendingScenario();
    ev.events = waiting(20);
    ev.provisionerController = {
      driver: DRIVER, searched: ['kube-system'], complete: true, waitingSince: minutesAgo(20),
      controller: { ...candidate('ebs-csi-controller', { replicas: 0, readyReplicas: 0, replicasOwners: [{ manager: 'cost-sweeper', operation: 'Update', subresource: 'scale', at: minutesAgo(50) }] }), matchedBy: 'named after ebs' },
    };
    const [f] = analyzePvcPending(ev);
    expect(f?.title).toBe(`PVC data-ledger-0 Pending: its provisioner ${DRIVER} does not run: Deployment kube-system/ebs-csi-controller is scaled to 0 replicas (spec.replicas set by cost-sweeper through the scale subresource, 50m ago)`);
    expect(f?.nextAction).toMatch(/^Scale Deployment kube-system\/ebs-csi-controller back up \(kubectl -n kube-system scale deployment\/ebs-csi-controller/);
    expect(f?.nextAction).toContain('keep cost-sweeper from scaling it down again');
    expect(f?.fix).toContain('scale Deployment kube-system/ebs-csi-controller back up');
    expect(f?.evidence.some((e) => e.startsWith(`controller of ${DRIVER}: Deployment kube-system/ebs-csi-controller, scaled to 0 replicas`))).toBe(true);
    expect(f?.confirmCommands).toContain('kubectl -n kube-system get deployment/ebs-csi-controller -o wide');
  });

  it('says no controller runs it when every list was read and none matched, and claims nothing when a list failed', () => {
    const ev = pvcPendingScenario();
    ev.events = waiting(20);
    ev.provisionerController = { driver: DRIVER, searched: ['kube-system'], complete: true, waitingSince: minutesAgo(20) };
    expect(analyzePvcPending(ev)[0]?.title).toBe(`PVC data-ledger-0 Pending: the external provisioner ${DRIVER} does not create the volume, and no Deployment or StatefulSet in kube-system runs it`);
    ev.provisionerController = { ...ev.provisionerController, complete: false };
    expect(analyzePvcPending(ev)[0]?.title).toBe(`PVC data-ledger-0 Pending: the external provisioner ${DRIVER} does not create the volume`);
  });
});
