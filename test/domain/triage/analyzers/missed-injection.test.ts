import { describe, expect, it } from 'vitest';
import { analyzeMissedInjection } from '../../../../src/domain/triage/analyzers/missed-injection.js';
import type { MissedInjectionEvidence } from '../../../../src/domain/triage/evidence-injection.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { runAnalyzers } from '../../../../src/domain/triage/analyzers/index.js';
import { rankFindings } from '../../../../src/domain/triage/rank-findings.js';
import { diagnose } from '../../../../src/domain/triage/verdict/diagnose.js';
import { baseEvidence, container, crashLooping, pod, podName, REV6, terminated } from '../scenarios/builders.js';

const MISSED: MissedInjectionEvidence = {
  injector: 'the Vault agent injector',
  askedBy: 'vault.hashicorp.com/agent-inject: true',
  containers: ['vault-agent-init', 'vault-agent'],
  home: { namespace: 'vault', selector: 'app.kubernetes.io/name=vault-agent-injector', name: 'vault-agent-injector' },
};
const PEM = 'Error: failed to load TLS keypair: tls: failed to find any PEM data in certificate input';
const OPEN = '{"level":"fatal","msg":"cannot load configuration","error":"open /vault/secrets/config.env: no such file or directory"}';

/** Two older pods carry the agent; two recreated ones were admitted without it and exit 1. */
function uninjectedPods(injectorDown: boolean): TriageEvidence {
  const injected = [{ name: 'vault-agent-init', by: MISSED.injector }, { name: 'vault-agent', by: MISSED.injector }];
  const bare = [2, 3].map((i) => pod(i, { ready: false, missedInjection: MISSED, containers: [crashLooping(podName(REV6.hash, i), terminated(1, 'Error', 2), 10)] }));
  const injectorPod = pod(0, { name: 'vault-agent-injector-5d8f7c9b6-k2m5n', labels: { 'app.kubernetes.io/name': 'vault-agent-injector' }, ready: !injectorDown, containers: [container({ name: 'sidecar-injector', ready: !injectorDown, restartCount: injectorDown ? 13 : 0 })] });
  return baseEvidence({
    pods: [pod(0, { injectedContainers: injected }), pod(1, { injectedContainers: injected }), ...bare],
    logs: [
      ...bare.map((p) => ({ pod: p.name, container: 'app', previous: true, lines: [OPEN] })),
    ],
    injector: { name: 'vault-agent-injector', namespace: 'vault', pods: [injectorPod], logs: injectorDown ? [{ pod: injectorPod.name, container: 'sidecar-injector', previous: false, lines: ['==> Vault Agent Injector running:', PEM] }] : [] },
  });
}

describe('pods admitted without the containers they asked an injector for', () => {
  it('names the missed injection and the injector that is down, with its log line', () => {
    const [f] = analyzeMissedInjection(uninjectedPods(true));
    expect(f?.title).toBe("2/5 pods admitted without the Vault agent injector's containers (vault-agent-init, vault-agent): the webhook did not inject them; vault-agent-injector in namespace vault is down (1/1 pods not ready)");
    expect(f?.decisive).toBe(PEM);
    expect(f?.evidence.join('\n')).toMatch(/open \/vault\/secrets\/config\.env/);
    expect(f?.nextAction).toMatch(/^Restore vault-agent-injector .*then delete the uninjected pods/);
  });

  it('is the verdict over the exit it causes, and offers no rollback', () => {
    const ev = uninjectedPods(true);
    const report = diagnose(ev, rankFindings(runAnalyzers(ev).findings))!;
    expect(report.headline).toMatch(/^2\/5 pods admitted without the Vault agent injector's containers/);
    expect(report.headline).not.toMatch(/Roll back/);
  });

  it('says nothing when every failing pod got its injection', () => {
    const ev = uninjectedPods(true);
    ev.pods = ev.pods.map((p) => { const { missedInjection: _, ...rest } = p; return rest; });
    expect(analyzeMissedInjection(ev)).toEqual([]);
  });
});
