import { describe, expect, it } from 'vitest';
import { cniStem, isCniAgent, parseSandboxFailure } from '../../../src/domain/triage/sandbox-failure.js';

const sandbox = (plugin: string, tail: string) => `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "8c1f0e9a2b7d": plugin type="${plugin}" failed (add): ${tail}`;

describe('parseSandboxFailure', () => {
  it.each([
    [sandbox('cilium-cni', 'unable to connect to Cilium agent: failed to create cilium agent client after 30.000000 seconds timeout: Get "http://localhost/v1/config": dial unix /var/run/cilium/cilium.sock: connect: no such file or directory'), 'agent-unreachable', 'cilium-cni'],
    [sandbox('calico', 'stat /var/lib/calico/nodename: no such file or directory: check that the calico/node container is running and has mounted /var/lib/calico/'), 'agent-unreachable', 'calico'],
    [`Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "3f9c1e": plugin type="aws-cni" name="aws-cni" failed (add): add cmd: failed to assign an IP address to container`, 'no-ip', 'aws-cni'],
    [sandbox('bridge', 'failed to allocate for range 0: no IP addresses available in range set: 10.244.1.1-10.244.1.254'), 'no-ip', 'bridge'],
  ])('tells how the plugin failed: %s', (message, kind, plugin) => {
    expect(parseSandboxFailure(message)).toMatchObject({ kind, plugin });
  });

  it('keeps what the plugin said after "failed (add)"', () => {
    expect(parseSandboxFailure(sandbox('calico', 'stat /var/lib/calico/nodename: no such file or directory')).detail).toBe('stat /var/lib/calico/nodename: no such file or directory');
  });

  it('tells a network failure without a named plugin from a sandbox failure that is not about the network', () => {
    expect(parseSandboxFailure('Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "ab12": networkPlugin cni failed to set up pod network: failed to find plugin "loopback" in path [/opt/cni/bin]')).toMatchObject({ kind: 'plugin-missing' });
    expect(parseSandboxFailure('Failed to create pod sandbox: rpc error: code = Unknown desc = failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process')).toMatchObject({ kind: 'other' });
  });

  it('tells the runtime failing to pull its own sandbox (pause) image, which image and why', () => {
    const gcr = 'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to get sandbox image "k8s.gcr.io/pause:3.5": failed to pull image "k8s.gcr.io/pause:3.5": failed to pull and unpack image "k8s.gcr.io/pause:3.5": failed to resolve reference "k8s.gcr.io/pause:3.5": failed to do request: Head "https://k8s.gcr.io/v2/pause/manifests/3.5": dial tcp 64.233.166.82:443: i/o timeout';
    expect(parseSandboxFailure(gcr)).toMatchObject({ kind: 'sandbox-image', image: 'k8s.gcr.io/pause:3.5', registry: 'k8s.gcr.io', pullError: 'unreachable' });
    // dockershim's wording, and a registry that answers but has no such image.
    expect(parseSandboxFailure('Failed to create pod sandbox: rpc error: code = Unknown desc = failed pulling image "registry.internal:5000/pause:3.2": Error response from daemon: manifest for registry.internal:5000/pause:3.2 not found: manifest unknown')).toMatchObject({ kind: 'sandbox-image', image: 'registry.internal:5000/pause:3.2', registry: 'registry.internal:5000', pullError: 'not-found' });
    // An image with no registry host comes from Docker Hub.
    expect(parseSandboxFailure('Failed to create pod sandbox: rpc error: code = Unknown desc = failed to get sandbox image "pause:3.9": failed to pull image "pause:3.9": 401 Unauthorized')).toMatchObject({ kind: 'sandbox-image', registry: 'docker.io', pullError: 'denied' });
  });
});

describe('parseSandboxFailure: the API server refuses the plugin', () => {
  it.each([
    [sandbox('calico', 'error getting ClusterInformation: connection is unauthorized: Unauthorized'), 'unauthorized', 'calico'],
    [sandbox('cilium-cni', 'unable to create endpoint: the server has asked for the client to provide credentials'), 'unauthorized', 'cilium-cni'],
    [sandbox('calico', 'error getting ClusterInformation: clusterinformations.crd.projectcalico.org "default" is forbidden: User "system:serviceaccount:kube-system:calico-cni-plugin" cannot get resource "clusterinformations" in API group "crd.projectcalico.org" at the cluster scope'), 'forbidden', 'calico'],
  ])('tells a credentials refusal from a node-local failure: %s', (message, kind, plugin) => {
    expect(parseSandboxFailure(message)).toMatchObject({ kind, plugin });
  });

  it('keeps node-local failures that merely mention a refusal elsewhere node-local', () => {
    expect(parseSandboxFailure(sandbox('aws-cni', 'add cmd: failed to assign an IP address to container: rpc error: Unauthorized')).kind).toBe('no-ip');
  });
});

describe('the agent of a CNI plugin', () => {
  it('is named after the plugin without its "-cni"', () => {
    expect(cniStem('cilium-cni')).toBe('cilium');
    expect(cniStem('aws-cni')).toBe('aws');
    expect(cniStem('calico')).toBe('calico');
  });

  it('is found by its pod name, its DaemonSet or its image', () => {
    expect(isCniAgent({ name: 'cilium-pk44k', owner: 'DaemonSet cilium', images: ['quay.io/cilium/cilium:v1.16.4'] }, 'cilium-cni')).toBe(true);
    expect(isCniAgent({ name: 'aws-node-9x2kq', owner: 'DaemonSet aws-node', images: ['602401143452.dkr.ecr.eu-west-1.amazonaws.com/amazon-k8s-cni:v1.18.5'] }, 'aws-cni')).toBe(true);
    expect(isCniAgent({ name: 'kube-proxy-5m2tq', owner: 'DaemonSet kube-proxy', images: ['registry.k8s.io/kube-proxy:v1.31.2'] }, 'cilium-cni')).toBe(false);
  });
});
