// The kernel command line a node's image tooling records on it (a label or annotation) survives the
// mapping, with node-feature-discovery's kernel-config labels: they tell which old binaries run there.
import { describe, expect, it } from 'vitest';
import { mapNode } from '../../../src/adapters/kubernetes/map-node.js';
import { node } from '../../triage-corpus/kit/index.js';

describe('mapNode, kernel boot options', () => {
  it('reads the kernel command line from an annotation and keeps the kernel-config labels', () => {
    const n = node({ name: 'ip-10-0-31-7.us-east-2.compute.internal', zone: 'us-east-2a', pool: 'locked-down', createdAgo: 90, labels: { 'feature.node.kubernetes.io/kernel-config.LEGACY_VSYSCALL_NONE': 'true', 'feature.node.kubernetes.io/usb-ff_0bda_8153.present': 'true' } });
    n.metadata = { ...n.metadata, annotations: { 'platform.example.org/boot-args': 'console=ttyS0 vsyscall=none lockdown=integrity', 'platform.example.org/owner': 'infra' } };
    const mapped = mapNode(n);
    expect(mapped.bootOptions).toBe('console=ttyS0 vsyscall=none lockdown=integrity');
    expect(mapped.labels?.['feature.node.kubernetes.io/kernel-config.LEGACY_VSYSCALL_NONE']).toBe('true');
    expect(mapped.labels?.['feature.node.kubernetes.io/usb-ff_0bda_8153.present']).toBeUndefined();
  });

  it('leaves the boot options unset when nothing names them', () => {
    const n = node({ name: 'ip-10-0-31-8.us-east-2.compute.internal', zone: 'us-east-2b', createdAgo: 90 });
    n.metadata = { ...n.metadata, annotations: { 'platform.example.org/owner': 'infra' } };
    expect(mapNode(n).bootOptions).toBeUndefined();
  });
});
