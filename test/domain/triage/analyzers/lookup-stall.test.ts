import { describe, expect, it } from 'vitest';
import { analyzeLookupStall } from '../../../../src/domain/triage/analyzers/lookup-stall.js';
import { analyzeDependencyErrors } from '../../../../src/domain/triage/analyzers/dependency-errors.js';
import type { Finding } from '../../../../src/domain/triage/finding.js';
import type { PodEvidence } from '../../../../src/domain/triage/evidence.js';
import { baseEvidence, container, pod } from '../scenarios/builders.js';

/** A Node service on a glibc image that resolves every host per call: most lookups take ms, some exactly 5 s. */
function lines(k: number): string[] {
  const out = ['{"level":30,"msg":"starting","runtime":"linux-x64 glibc 2.36"}'];
  const hosts = ['api.tracking-one.example', 'feeds.tracking-two.example', 'inventory.stock.svc.cluster.local'];
  for (let i = 0; i < 12; i++) {
    const host = hosts[(i + k) % hosts.length] ?? '';
    if (i % 4 === 1) out.push(`{"level":40,"msg":"tracking call failed","host":"${host}","err":{"message":"Timeout awaiting 'request' for 3000ms","code":"ETIMEDOUT"}}`);
    else out.push(`{"level":30,"msg":"upstream call","host":"${host}","status":200,"phases":{"dns":${i % 5 === 3 ? 5004 + i : 2 + (i % 3)},"tcp":9}}`);
  }
  return out;
}

function evidence(over: Partial<PodEvidence> = {}) {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: [{ name: 'STOCK_URL', value: 'http://inventory.stock.svc.cluster.local' }] })], ...over }));
  return baseEvidence({ pods, logs: pods.map((p, k) => ({ pod: p.name, container: 'app', previous: false, lines: lines(k) })) });
}

const claims = (f: Finding | undefined): string => [f?.title, f?.likelyCause, f?.nextAction].join('\n');

describe('lookups that stall for the resolver timeout', () => {
  it('names the 5 s stall and the A/AAAA conntrack race, and the dnsConfig option that avoids it', () => {
    const [f] = analyzeLookupStall(evidence({ dnsOptions: ['ndots:2'] }));
    expect(f?.title).toMatch(/DNS lookups stall for the resolver's 5 s timeout/);
    expect(f?.title).toMatch(/500\d–500\d ms|A\/AAAA/);
    expect(f?.title).toMatch(/3000 ms timeout fail/);
    expect(f?.fix).toMatch(/single-request-reopen/);
    expect(f?.outsideWorkload).toBeDefined();
    expect(claims(f)).not.toMatch(/network ?polic/i);
  });

  it('names the Deployment of the namespace that already sets the option', () => {
    const ev = { ...evidence({ dnsOptions: ['ndots:2'] }), resolverPeers: [{ deployment: 'label-maker', options: ['ndots:2'] }, { deployment: 'tracking-feed', options: ['use-vc'] }] };
    const [f] = analyzeLookupStall(ev);
    expect(f?.fix).toMatch(/use-vc to .*, as tracking-feed already does/);
    expect(f?.evidence.join('\n')).toMatch(/Deployment tracking-feed of this namespace sets dnsConfig options use-vc/);
  });

  it('advises NodeLocal DNSCache when the pods already avoid the race', () => {
    const [f] = analyzeLookupStall(evidence({ dnsOptions: ['single-request-reopen'] }));
    expect(f?.fix).toMatch(/NodeLocal DNSCache/);
    expect(f?.title).not.toMatch(/race/);
  });

  it('tells the calls that time out on several hosts as the stall, not as one host or a policy', () => {
    const found = analyzeDependencyErrors(evidence());
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.id).toBe('cluster-dns/lookup-stall');
      expect(claims(f)).not.toMatch(/network ?polic/i);
    }
  });
});
