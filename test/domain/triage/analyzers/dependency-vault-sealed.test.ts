// A Vault that came back sealed (its pod restarted or rescheduled without auto-unseal): every client
// is answered 503 "Vault is sealed", and those that log in when they start crash at start while
// their older pods keep the secrets they got. The verdict names the Vault pod, its seal (its own
// readiness probe says "Sealed true") and the time it was re-created, and says to unseal it — never
// to roll back the asked service.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyClusterDown } from '../../../../src/domain/triage/analyzers/dependency-cluster-down.js';
import { pickClusterDownService } from '../../../../src/domain/triage/cluster-down.js';
import { readSealStatus } from '../../../../src/domain/triage/vault-sealed.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { DependencyMembersEvidence } from '../../../../src/domain/triage/evidence-dependency-members.js';
import { NOW, baseEvidence, container, crashLooping, event, minutesAgo, node, pod, podName, REV6, running, terminated } from '../scenarios/builders.js';

const ENV = [{ name: 'VAULT_ADDR', value: 'http://vault.vault.svc.cluster.local:8200' }, { name: 'VAULT_AUTH_ROLE', value: 'refunds' }];
const URL = 'http://vault.vault.svc.cluster.local:8200/v1/auth/kubernetes/login';
const HVAC = [
  `2026-11-21 03:11:40,101 WARNING [worker.secrets] Vault login failed (attempt 1/2): Vault is sealed, on post ${URL}; retrying in 2.0s`,
  `2026-11-21 03:11:42,101 WARNING [worker.secrets] Vault login failed (attempt 2/2): Vault is sealed, on post ${URL}`,
  '2026-11-21 03:11:42,102 ERROR [worker.main] cannot start without secrets from Vault',
  'Traceback (most recent call last):',
  '  File "/usr/local/lib/python3.12/site-packages/hvac/adapters.py", line 315, in _raise_for_error',
  '    utils.raise_for_error(',
  '  File "/usr/local/lib/python3.12/site-packages/hvac/utils.py", line 41, in raise_for_error',
  '    raise exceptions.VaultDown(',
  `hvac.exceptions.VaultDown: Vault is sealed, on post ${URL}`,
];
/** The Go API client's error, as vault-agent and Go services log it over several lines. */
const GO = ['Error making API request.', '', `URL: PUT ${URL}`, 'Code: 503. Errors:', '', '* Vault is sealed'];
const STATUS = 'Readiness probe failed: Key                Value\n---                -----\nSeal Type          shamir\nInitialized        true\nSealed             true\nTotal Shares       5\nThreshold          3\nUnseal Progress    0/3\nUnseal Nonce       n/a\nVersion            1.17.6\nStorage Type       raft\nHA Enabled         true\n';
const NEW_NODE = 'ip-10-0-212-236.eu-west-1.compute.internal';

/** Two pods of six days ago that run on their secrets, and one re-created 50 minutes ago that crashes at every start. */
function scenario(lines: readonly string[], members?: DependencyMembersEvidence) {
  const old = [0, 1].map((i) => pod(i, { createdAt: minutesAgo(6 * 24 * 60), containers: [container({ env: ENV })] }));
  const name = podName(REV6.hash, 2);
  const fresh = pod(2, { createdAt: minutesAgo(50), ready: false, nodeName: NEW_NODE, containers: [crashLooping(name, terminated(1, 'Error', 2.2, { runSeconds: 31 }), 12, { env: ENV })] });
  return baseEvidence({
    pods: [...old, fresh],
    logs: [{ pod: name, container: 'app', previous: true, lines: [...lines] }],
    ...(members ? { dependencyMembers: [members] } : {}),
  });
}

function vault(probe = STATUS): DependencyMembersEvidence {
  const member = pod(9, {
    name: 'vault-0', labels: { app: 'vault' }, nodeName: NEW_NODE, ready: false, createdAt: minutesAgo(51),
    containers: [container({ name: 'vault', ready: false, state: running(50.7) })],
  });
  return {
    namespace: 'vault',
    service: 'vault',
    pods: [member],
    nodeLosses: [],
    nodes: [node(NEW_NODE, { createdAt: minutesAgo(58) })],
    probeEvents: [event({ object: { kind: 'Pod', name: 'vault-0', namespace: 'vault' }, reason: 'Unhealthy', message: probe, count: 604, firstSeen: minutesAgo(50.6), lastSeen: minutesAgo(0.1) })],
  };
}

describe('a sealed Vault its clients are refused by', () => {
  it('is followed to the Service VAULT_ADDR names, with its members\' probes to read', () => {
    expect(pickClusterDownService(scenario(HVAC))).toEqual({ namespace: 'vault', name: 'vault', probes: true });
    expect(pickClusterDownService(scenario([...GO, ...GO]))).toEqual({ namespace: 'vault', name: 'vault', probes: true });
  });

  it('names the sealed pod, what its probe says, when it was re-created, and says to unseal it, not to roll back', () => {
    const ev = scenario(HVAC, vault());
    const [f] = analyzeDependencyClusterDown(ev);
    expect(f?.title).toMatch(/^Vault at vault\.vault\.svc\.cluster\.local is sealed/);
    expect(f?.title).toMatch(/vault-0 Running, not ready, its probe says Sealed true, shamir seal, unseal progress 0\/3/);
    expect(f?.title).toMatch(/re-created 51m ago on node ip-10-0-212-236\S*, itself new 58m ago/);
    expect(f?.nextAction).toMatch(/^Unseal vault-0 with 3 of its 5 key shares \(`vault operator unseal`/);
    expect(f?.nextAction).toMatch(/auto-unseal/);
    expect(f?.nextAction).not.toMatch(/roll ?back/i);
    expect(f?.outsideWorkload).toBeDefined();
    // Only the pod that started since: the two older ones hold their secrets.
    expect(f?.affected?.pods).toEqual([podName(REV6.hash, 2)]);
    expect(f?.likelyCause).toMatch(new RegExp(`${podName(REV6.hash, 0)} and ${podName(REV6.hash, 1)}, started before it went down 51m ago, still run`));
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/Vault .* is sealed/);
    expect(report.headline).toMatch(/vault-0/);
    expect(report.headline).not.toMatch(/no change found/);
    expect(report.headline).not.toMatch(/roll ?back/i);
  });

  it('without its pods read, still says Vault is sealed and asks to look at them', () => {
    const [f] = analyzeDependencyClusterDown(scenario(HVAC));
    expect(f?.title).toMatch(/^Vault at \S+ is sealed \(503 "Vault is sealed"\): its pods were not read/);
    expect(f?.confidence).toBe('medium');
  });

  it('takes one sealed answer for noise, and an unsealed Vault for none', () => {
    expect(analyzeDependencyClusterDown(scenario([HVAC[0] ?? '']))).toEqual([]);
    expect(analyzeDependencyClusterDown(scenario(['INFO Vault is unsealed, logged in as refunds', 'INFO Vault is unsealed, renewed token']))).toEqual([]);
  });
});

describe('readSealStatus', () => {
  it('reads a sealed `vault status` and the key shares it needs; nothing of an unsealed one', () => {
    expect(readSealStatus(STATUS)).toEqual({ said: 'Sealed true, shamir seal, unseal progress 0/3', needs: '3 of its 5 key shares' });
    expect(readSealStatus(STATUS.replace('Sealed             true', 'Sealed             false'))).toBeUndefined();
  });
});

describe('a sealed Vault an init container (vault-agent) gives up on, after the node under it rebooted', () => {
  const NODE = 'node-b';
  const AGENT = ['==> Vault Agent started!', '2026-11-21T03:12:24.000Z [INFO]  agent.auth.handler: authenticating', '2026-11-21T03:12:24.300Z [ERROR] agent.auth.handler: error authenticating:', ...GO.map((l) => `  | ${l}`), '2026-11-21T03:12:24.360Z [ERROR] agent: error encountered during auth: exit_on_err is set, shutting down'];
  const name = podName(REV6.hash, 2);

  /** Old pods, one re-running its init container on the rebooted node; the address only in the agent's mounted config, so only the refused URL names it. */
  function rebooted(members?: DependencyMembersEvidence) {
    const old = [0, 1].map((i) => pod(i, { createdAt: minutesAgo(5 * 24 * 60) }));
    const stuck = pod(2, { createdAt: minutesAgo(5 * 24 * 60), ready: false, nodeName: NODE, initContainers: [crashLooping(name, terminated(1, 'Error', 1.6, { runSeconds: 1 }), 11, { name: 'vault-agent-init' })] });
    return baseEvidence({
      pods: [...old, stuck],
      logs: [{ pod: name, container: 'vault-agent-init', previous: true, lines: AGENT }],
      events: [event({ object: { kind: 'Node', name: NODE }, reason: 'Rebooted', message: `Node ${NODE} has been rebooted, boot id: 1`, firstSeen: minutesAgo(36.3), lastSeen: minutesAgo(36.3) })],
      ...(members ? { dependencyMembers: [members] } : {}),
    });
  }

  function restartedVault(): DependencyMembersEvidence {
    const member = pod(9, {
      name: 'vault-0', labels: { app: 'vault' }, nodeName: NODE, ready: false, createdAt: minutesAgo(70 * 24 * 60),
      containers: [container({ name: 'vault', ready: false, state: running(35), restartCount: 1, lastState: terminated(255, 'Unknown', 38, { runSeconds: 60 * 60 * 24 * 70 }) })],
    });
    return { ...vault(), pods: [member], nodes: [node(NODE)] };
  }

  it('counts the crashed run it gave up on once per restart, and follows the refused call\'s URL to the Service', () => {
    expect(pickClusterDownService(rebooted())).toEqual({ namespace: 'vault', name: 'vault', probes: true });
    // One refusal a run retried past, in a container that never gave up on it, stays noise.
    const retried = baseEvidence({ pods: rebooted().pods, logs: [{ pod: name, container: 'vault-agent-init', previous: true, lines: [HVAC[0] ?? ''] }] });
    expect(analyzeDependencyClusterDown(retried)).toEqual([]);
  });

  it('calls Vault restarted in place by its node\'s reboot sealed, not crash-looping, and dates it by the reboot', () => {
    const ev = rebooted(restartedVault());
    const [f] = analyzeDependencyClusterDown(ev);
    expect(f?.title).toMatch(/^Vault at vault\.vault\.svc\.cluster\.local is sealed/);
    expect(f?.title).toMatch(/vault-0 Running, not ready, its probe says Sealed true/);
    expect(f?.title).not.toMatch(/crash-looping/);
    expect(f?.title).toMatch(/restarted in place 35m ago, as its node node-b rebooted 36m ago/);
    expect(f?.nextAction).toMatch(/^Unseal vault-0/);
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/^Vault .* is sealed/);
    expect(report.headline).not.toMatch(/not a crash|no change found/);
  });
});

