// How an AWS load balancer reaches the Service's pods: its target type, whether it keeps the
// client's IP, the DNS names it is published under, and when its annotations were last written.
import { describe, expect, it } from 'vitest';
import { mapService } from '../../../src/adapters/kubernetes/map-network.js';

const annotations = {
  'external-dns.alpha.kubernetes.io/hostname': 'inv.example.internal',
  'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
  'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'instance',
  'service.beta.kubernetes.io/aws-load-balancer-target-group-attributes': 'preserve_client_ip.enabled=true,deregistration_delay.timeout_seconds=30',
};

describe('mapService load-balancer targets', () => {
  it('reads the target type, client IP preservation, the published names and the last annotation write', () => {
    const svc = mapService({
      metadata: {
        name: 'inv-nlb', annotations,
        managedFields: [
          { manager: 'helm', operation: 'Update', time: new Date('2026-01-01T00:00:00Z'), fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': {} } },
          { manager: 'helm', operation: 'Update', time: new Date('2026-01-02T03:04:05Z'), fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:annotations': {} } } },
        ],
      },
      spec: { type: 'LoadBalancer', selector: { app: 'inv' }, ports: [{ port: 80 }] },
      status: { loadBalancer: { ingress: [{ hostname: 'k8s-x.elb.eu-west-1.amazonaws.com' }] } },
    });
    expect(svc.lbTargets).toEqual({ targetType: 'instance', preserveClientIp: true, hostnames: ['inv.example.internal', 'k8s-x.elb.eu-west-1.amazonaws.com'], annotationsChangedAt: '2026-01-02T03:04:05Z', annotationsChangedBy: 'helm' });
  });

  it('reads nothing for a Service without AWS load-balancer annotations', () => {
    const svc = mapService({ metadata: { name: 'x' }, spec: { type: 'LoadBalancer', selector: { app: 'x' }, ports: [{ port: 80 }] } });
    expect(svc.lbTargets).toBeUndefined();
  });
});
