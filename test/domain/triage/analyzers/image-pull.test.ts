import { describe, expect, it } from 'vitest';
import { analyzeImagePulls, classifyPullFailure } from '../../../../src/domain/triage/analyzers/image-pull.js';
import { IMAGE_V14, IMAGE_V15 } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';
import { imagePullScenario } from '../scenarios/images.js';

const ref = IMAGE_V15;

describe('analyzeImagePulls', () => {
  it('names a missing tag, counts the pods, and names the image the previous revision ran', () => {
    const findings = analyzeImagePulls(imagePullScenario());
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f?.title).toBe('Image pull for app failing: image not found — payments/payment-service:2.15.0 (ImagePullBackOff/ErrImagePull on 2/6 pods)');
    expect(f?.layer).toBe('runtime/probes');
    expect(f?.confidence).toBe('high');
    expect(f?.evidence).toContain(`previous revision ran ${IMAGE_V14}`);
    expect(f?.evidence.some((l) => l.startsWith('Failed ×16 over 16m: Failed to pull image'))).toBe(true);
    expect(f?.nextAction).toContain(IMAGE_V14);
  });

  it.each([
    [`Failed to pull image "${ref}": rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`, 'not-found'],
    [`Failed to pull image "registry.internal/payments/api:2.15.0": Error response from daemon: manifest for registry.internal/payments/api:2.15.0 not found: manifest unknown: manifest unknown`, 'manifest-unknown'],
    [`Failed to pull image "${ref}": rpc error: code = Unknown desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": pulling from host 123456789012.dkr.ecr.eu-west-1.amazonaws.com failed with status code [manifests 2.15.0]: 401 Unauthorized`, 'unauthorized'],
    [`Failed to pull image "ghcr.io/acme/payments:2.15.0": rpc error: code = Unknown desc = failed to pull and unpack image "ghcr.io/acme/payments:2.15.0": failed to resolve reference "ghcr.io/acme/payments:2.15.0": failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://ghcr.io/token?scope=repository%3Aacme%2Fpayments%3Apull&service=ghcr.io: 403 Forbidden`, 'unauthorized'],
    [`Failed to pull image "registry.internal:5000/payments/api:2.15.0": rpc error: code = Unknown desc = failed to pull and unpack image "registry.internal:5000/payments/api:2.15.0": failed to resolve reference "registry.internal:5000/payments/api:2.15.0": failed to do request: Head "https://registry.internal:5000/v2/payments/api/manifests/2.15.0": tls: failed to verify certificate: x509: certificate signed by unknown authority`, 'x509'],
    [`Failed to pull image "registry.internal:5000/payments/api:2.15.0": rpc error: code = Unknown desc = failed to pull and unpack image "registry.internal:5000/payments/api:2.15.0": failed to resolve reference "registry.internal:5000/payments/api:2.15.0": failed to do request: Head "https://registry.internal:5000/v2/payments/api/manifests/2.15.0": dial tcp 10.20.0.15:5000: i/o timeout`, 'timeout'],
    [`Failed to pull image "registry.interal/payments/api:2.15.0": rpc error: code = Unknown desc = failed to pull and unpack image "registry.interal/payments/api:2.15.0": failed to resolve reference "registry.interal/payments/api:2.15.0": failed to do request: Head "https://registry.interal/v2/payments/api/manifests/2.15.0": dial tcp: lookup registry.interal on 10.0.0.2:53: no such host`, 'dns'],
    [`Failed to pull image "nginx:1.27": rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/nginx:1.27": failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/library/nginx/manifests/sha256:4c0fdaa8b6341bfdeca5f18f7837462c80cff90527ee35ef185571e1c327beac: 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit.`, 'rate-limited'],
    [`Failed to pull image "acme/payments-private:2.15.0": Error response from daemon: pull access denied for acme/payments-private, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`, 'denied-or-missing'],
  ])('classifies %s', (message, expected) => {
    expect(classifyPullFailure('ErrImagePull', message)).toBe(expected);
  });

  it('says the registry stopped serving an image that other pods run (pulled earlier), not a wrong reference', () => {
    // The old pods run the very image the new ones cannot pull: a pod recreated on a fresh node, same revision.
    const ev = imagePullScenario(`Failed to pull image "${IMAGE_V14}": rpc error: code = NotFound desc = failed to pull and unpack image "${IMAGE_V14}": failed to resolve reference "${IMAGE_V14}": ${IMAGE_V14}: not found`, IMAGE_V14);
    const [f] = analyzeImagePulls(ev);
    expect(f?.title).toBe('Image pull for app failing: image not found — payments/payment-service:2.14.0 (ImagePullBackOff/ErrImagePull on 2/6 pods); 4 other pods run the same image, pulled earlier: the registry no longer serves it');
    expect(f?.likelyCause).toContain('the reference is right, the image went away');
    expect(f?.fix).toBe('restore the image in the registry (or the pull-through cache rule that served it), or pin a digest the registry still has');
    // A new tag nobody runs yet is still a reference to push or fix.
    expect(analyzeImagePulls(imagePullScenario())[0]?.fix).toBe('push the image or fix its tag');
  });

  it('says a container admission injected is none of the revision\'s doing, and names who injected it', () => {
    const base = imagePullScenario();
    const ev = { ...base, pods: base.pods.map((p) => ({ ...p, injectedContainers: [{ name: 'app', by: 'Kyverno policy add-tracing' }] })) };
    const [f] = analyzeImagePulls(ev);
    expect(f?.title).toContain('app is an injected sidecar, not in the pod template');
    expect(f?.outsideWorkload).toContain('Kyverno policy add-tracing injected it at admission');
    expect(f?.fix).toContain('point the policy that injects the sidecar at an image the registry still has');
    expect(analyzeImagePulls(base)[0]?.outsideWorkload).toBeUndefined();
  });

  it('names the kubelet image credential provider when an ECR pull goes out with no credentials and no pull secret, not the pull secret', () => {
    const ecr = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments/payment-service:2.15.0';
    const message = `Failed to pull image "${ecr}": failed to pull and unpack image "${ecr}": failed to resolve reference "${ecr}": pull access denied, repository does not exist or may require authorization: authorization failed: no basic auth credentials`;
    const base = imagePullScenario(message, ecr);
    // The old pods run the same image on their (older) nodes.
    const ev = { ...base, pods: base.pods.map((p, i) => (i < 2 ? { ...p, nodeName: `new-node-${i}` } : { ...p, nodeName: `old-node-${i % 2}`, containers: p.containers.map((c) => ({ ...c, image: ecr })) })) };
    const [f] = analyzeImagePulls(ev);
    expect(f?.title).toContain('the kubelet image credential provider (ecr-credential-provider) gives none on these nodes');
    expect(f?.evidence.some((l) => l.includes('the same image runs on 2 other nodes (old-node-0, old-node-1)'))).toBe(true);
    expect(f?.fix).toContain('restore the kubelet image credential provider');
    expect(f?.fix).not.toContain('pull secret');
    // With an imagePullSecret on the pod, that secret (by name) is what to check.
    const withSecret = { ...ev, pods: ev.pods.map((p) => ({ ...p, imagePullSecrets: ['ecr-pull'] })) };
    expect(analyzeImagePulls(withSecret)[0]?.fix).toBe("check the image name, else update the pull secret ecr-pull with the registry's current credentials");
  });

  it('classifies InvalidImageName by its reason, whatever the message', () => {
    expect(classifyPullFailure('InvalidImageName', 'Failed to apply default image tag "Payments:2.15": couldn\'t parse image reference "Payments:2.15": invalid reference format: repository name must be lowercase')).toBe('invalid-name');
  });

  it('uses the Failed event message when the container only says "Back-off pulling image"', () => {
    const ev = imagePullScenario();
    const backOffOnly = { ...ev, pods: ev.pods.filter((p) => p.containers[0]?.state && 'waiting' in p.containers[0].state && p.containers[0].state.waiting.reason === 'ImagePullBackOff') };
    expect(analyzeImagePulls(backOffOnly)[0]?.title).toContain('image not found');
  });

  it('stays silent on a healthy workload', () => {
    expect(analyzeImagePulls(healthyScenario())).toEqual([]);
  });
});
