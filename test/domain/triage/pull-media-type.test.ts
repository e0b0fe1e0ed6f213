import { describe, expect, it } from 'vitest';
import { runAnalyzers } from '../../../src/domain/triage/analyzers/index.js';
import { rankFindings } from '../../../src/domain/triage/rank-findings.js';
import { node } from './scenarios/builders.js';
import { imagePullScenario } from './scenarios/images.js';

describe('a pull that cannot unpack a layer media type', () => {
  it('names the old container runtime of the failing nodes against the runtime where the workload runs, and advises gzip layers', () => {
    const image = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/search/search-api:1.9.0';
    const ev = imagePullScenario(`Failed to pull image "${image}": rpc error: code = Unknown desc = failed to pull and unpack image "${image}": failed to extract layer sha256:32e8879bb0c044eead752412f03f0e199ba59e6944e54e77a05cd40cb721c701: failed to get stream processor for application/vnd.oci.image.layer.v1.tar+zstd: no processor for media type`, image);
    const old = 'ip-10-0-34-201.eu-west-1.compute.internal';
    ev.pods = ev.pods.map((p, i) => (i < 2 ? { ...p, nodeName: old } : p));
    ev.nodes = [...ev.nodes.map((n) => ({ ...n, containerRuntime: 'containerd://1.7.23' })), node(old, { containerRuntime: 'containerd://1.4.13' })];
    const f = rankFindings(runAnalyzers(ev).findings).find((x) => x.kind === 'image-pull');
    expect(f?.title).toContain('containerd://1.4.13');
    expect(f?.title).toMatch(/cannot unpack the image's zstd-compressed layers/);
    expect(f?.evidence.join('\n')).toContain('containerd://1.7.23');
    expect(f?.nextAction).toMatch(/gzip layers/);
  });
});
