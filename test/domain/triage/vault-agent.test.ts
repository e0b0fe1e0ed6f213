// Which Vault Agent logs are read: only beside an app whose credentials a dependency rejects.
import { describe, expect, it } from 'vitest';
import { isVaultAgent, pickVaultAgentLogs } from '../../../src/domain/triage/vault-agent.js';
import type { LogEvidence } from '../../../src/domain/triage/evidence.js';
import { analyzeRejectedCredentials } from '../../../src/domain/triage/analyzers/credentials-rejected.js';
import { baseEvidence, container, minutesAgo, pod } from './scenarios/builders.js';

const agent = container({ name: 'secrets-agent', image: 'registry.example.org/mirror/vault:1.15.4', args: ['vault agent -config=/etc/agent/config.hcl'] });
const pods = [0, 1, 2].map((i) => pod(i, { containers: [container(), agent] }));
const rejected = (p: string): LogEvidence => ({ pod: p, container: 'app', previous: false, lines: ['ERROR db: FATAL: password authentication failed for user "app_rw"', 'ERROR db: FATAL: password authentication failed for user "app_rw"'] });

describe('Vault Agent beside the app', () => {
  it('knows the agent by Vault\'s image running `vault agent`, or by its name', () => {
    expect(isVaultAgent(agent)).toBe(true);
    expect(isVaultAgent(container({ name: 'vault-agent', image: 'example/other:1' }))).toBe(true);
    expect(isVaultAgent(container({ name: 'vault', image: 'hashicorp/vault:1.15.4', args: ['server'] }))).toBe(false);
  });

  it('reads the agents of at most two pods whose credentials are rejected, none already read', () => {
    const logs = pods.map((p) => rejected(p.name));
    expect(pickVaultAgentLogs(pods, logs)).toEqual([{ pod: pods[0]?.name, container: 'secrets-agent', restarts: 0 }, { pod: pods[1]?.name, container: 'secrets-agent', restarts: 0 }]);
    const read = [...logs, { pod: pods[0]?.name ?? '', container: 'secrets-agent', previous: false, lines: [] }];
    expect(pickVaultAgentLogs(pods, read).map((p) => p.pod)).toEqual([pods[1]?.name, pods[2]?.name]);
  });

  it('reads nothing when no credentials are rejected, or the pods run no agent', () => {
    expect(pickVaultAgentLogs(pods, pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: ['INFO served 200'] })))).toEqual([]);
    const plain = [0, 1].map((i) => pod(i));
    expect(pickVaultAgentLogs(plain, plain.map((p) => rejected(p.name)))).toEqual([]);
  });

  it('reads the rejections as Vault refusing the agent that rendered the credentials, when its log says so', () => {
    const refused = (ago: number) => [`${minutesAgo(ago)} [ERROR] agent: (view) vault.read(database/creds/ledger): Error making API request.`, 'URL: GET https://vault.internal:8200/v1/database/creds/ledger', 'Code: 403. Errors:', '* permission denied'];
    const agentLog = (p: string): LogEvidence => ({ pod: p, container: 'secrets-agent', previous: false, lines: [...refused(20), ...refused(12), ...refused(3)] });
    const ev = baseEvidence({ pods, logs: [...pods.map((p) => rejected(p.name)), ...pods.slice(0, 2).map((p) => agentLog(p.name))] });
    const [f] = analyzeRejectedCredentials(ev);
    expect(f?.id).toBe('credentials-rejected/vault-agent');
    expect(f?.title).toBe('Vault refuses the pods\' Vault Agent (container secrets-agent) with 403 permission denied since 20m ago (2 pods, 6 lines): the credentials it rendered are stale, and a dependency rejects them (3 pods)');
    expect(f?.nextAction).not.toMatch(/roll ?back/i);
    // Without the agent's refusals it stays a plain rejection.
    expect(analyzeRejectedCredentials(baseEvidence({ pods, logs: pods.map((p) => rejected(p.name)) }))[0]?.id).toBe('credentials-rejected');
  });
});
