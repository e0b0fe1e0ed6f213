import { describe, expect, it } from 'vitest';
import { runAnalyzers } from '../../../src/domain/triage/analyzers/index.js';
import { classifyPullFailure } from '../../../src/domain/triage/analyzers/image-pull.js';
import { qualifyImageName } from '../../../src/domain/triage/pull-short-name.js';
import { rankFindings } from '../../../src/domain/triage/rank-findings.js';
import { node } from './scenarios/builders.js';
import { imagePullScenario } from './scenarios/images.js';

const image = 'grafana/loki:3.1.2';
const refused = `Failed to inspect image "${image}": rpc error: code = Unknown desc = short-name "${image}" did not resolve to an alias and no unqualified-search registries are defined in "/etc/containers/registries.conf"`;

/** The two new pods on CRI-O nodes of another pool, stuck at the image inspection. */
function inspectScenario() {
  const ev = imagePullScenario(refused, image);
  const crio = 'gke-prod-crio-pool-3f1a-x9k2';
  ev.pods = ev.pods.map((p, i) => (i < 2
    ? { ...p, nodeName: crio, containers: p.containers.map((c) => ({ ...c, state: { waiting: { reason: 'ImageInspectError', message: refused } } })) }
    : p));
  ev.events = ev.events.map((e) => (e.message === refused ? { ...e, reason: 'InspectFailed' } : e));
  ev.nodes = [...ev.nodes.map((n) => ({ ...n, containerRuntime: 'containerd://1.7.24' })), node(crio, { containerRuntime: 'cri-o://1.30.6', labels: { 'cloud.google.com/gke-nodepool': 'crio-pool' } })];
  return ev;
}

describe('an unqualified image name the runtime will not resolve', () => {
  it('classifies the short-name refusals of CRI-O and Podman, enforcing or not', () => {
    expect(classifyPullFailure('ImageInspectError', refused)).toBe('short-name');
    expect(classifyPullFailure('ErrImagePull', `Failed to pull image "${image}": short-name resolution enforced but cannot prompt without a TTY`)).toBe('short-name');
  });

  it('writes the name as Docker and containerd read it', () => {
    expect(qualifyImageName('grafana/loki:3.1.2')).toBe('docker.io/grafana/loki:3.1.2');
    expect(qualifyImageName('memcached:1.6')).toBe('docker.io/library/memcached:1.6');
    expect(qualifyImageName('quay.io/prometheus/node-exporter:v1.7.0')).toBeUndefined();
    expect(qualifyImageName('registry.local:5000/tools/jq:1.7')).toBeUndefined();
  });

  it('reads a stuck image inspection as a pull failure, names the CRI-O nodes and advises the fully qualified name, not keeping pods off them', () => {
    const f = rankFindings(runAnalyzers(inspectScenario()).findings).find((x) => x.kind === 'image-pull');
    expect(f?.title).toContain('the image name is unqualified');
    expect(f?.title).toContain('cri-o://1.30.6, node pool crio-pool');
    expect(f?.evidence.join('\n')).toMatch(/InspectFailed/);
    expect(f?.nextAction).toMatch(/^Use the fully qualified image name docker\.io\/grafana\/loki:3\.1\.2/);
    expect(f?.fix).toContain('docker.io/grafana/loki:3.1.2');
    expect(f?.scopedTo).toBe('cri-o://1.30.6, node pool crio-pool');
  });

  it('leaves other image inspection failures to the event readers', () => {
    const ev = inspectScenario();
    const other = 'Failed to inspect image "grafana/loki:3.1.2": rpc error: code = Unknown desc = layer not known';
    ev.pods = ev.pods.map((p) => ({ ...p, containers: p.containers.map((c) => ('waiting' in (c.state ?? {}) ? { ...c, state: { waiting: { reason: 'ImageInspectError', message: other } } } : c)) }));
    ev.events = ev.events.map((e) => (e.reason === 'InspectFailed' ? { ...e, message: other } : e));
    expect(runAnalyzers(ev).findings.find((x) => x.kind === 'image-pull')).toBeUndefined();
  });
});
