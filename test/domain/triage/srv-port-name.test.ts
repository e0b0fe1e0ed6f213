import { describe, expect, it } from 'vitest';
import { describeSrvPortGap } from '../../../src/domain/triage/srv-port-name.js';
import type { ServiceEvidence } from '../../../src/domain/triage/evidence-network.js';

const svc = (ports: { name: string; port: number }[]): ServiceEvidence => ({ name: 'ledger', ports: ports.map((p) => ({ ...p, targetPort: p.name, protocol: 'TCP' as const })) } as unknown as ServiceEvidence);

describe('describeSrvPortGap: an SRV name for a port the Service does not name', () => {
  it('names the ports the Service has when none is named as the SRV record asks', () => {
    const gap = describeSrvPortGap([svc([{ name: 'grpc-api', port: 9090 }, { name: 'metrics', port: 9102 }])], '_grpc._tcp.ledger.treasury.svc.cluster.local', 'treasury');
    expect(gap?.text).toMatch(/Service ledger has no port named grpc/);
    expect(gap?.text).toMatch(/grpc-api/);
    expect(gap?.fix).toMatch(/grpc/);
  });
  it('says nothing when the port exists, the name is no SRV name, or the Service is not known', () => {
    expect(describeSrvPortGap([svc([{ name: 'grpc', port: 9090 }])], '_grpc._tcp.ledger.treasury.svc.cluster.local', 'treasury')).toBeUndefined();
    expect(describeSrvPortGap([svc([{ name: 'grpc-api', port: 9090 }])], 'ledger.treasury.svc.cluster.local', 'treasury')).toBeUndefined();
    expect(describeSrvPortGap([], '_grpc._tcp.ledger.treasury.svc.cluster.local', 'treasury')).toBeUndefined();
  });
});
