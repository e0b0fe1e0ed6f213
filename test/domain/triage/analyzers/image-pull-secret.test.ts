// A pull the registry refuses (401, unauthorized): the finding names the pull secrets the failing
// pods' spec references, as the place to put the current credentials. Only the reference is
// named; the Secret itself is never read.
import { describe, expect, it } from 'vitest';
import { analyzeImagePulls } from '../../../../src/domain/triage/analyzers/image-pull.js';
import { imagePullScenario } from '../scenarios/images.js';

const IMAGE = 'harbor.example.internal/payments/payment-service:2.15.0';
const REFUSED = `Failed to pull image "${IMAGE}": rpc error: code = Unknown desc = failed to pull and unpack image "${IMAGE}": failed to resolve reference "${IMAGE}": failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://harbor.example.internal/service/token?scope=repository%3Apayments%2Fpayment-service%3Apull&service=harbor-registry: 401 Unauthorized`;

function refusedWith(secrets: string[] | undefined) {
  const ev = imagePullScenario(REFUSED, IMAGE);
  ev.pods = ev.pods.map((p) => (p.containers.some((c) => c.image === IMAGE) && secrets !== undefined ? { ...p, imagePullSecrets: secrets } : p));
  return ev;
}

describe('analyzeImagePulls on a refused pull', () => {
  it('names the pull secret the failing pods reference, in the evidence, the action and the fix', () => {
    const [f] = analyzeImagePulls(refusedWith(['registry-pull']));
    expect(f?.evidence).toContain('the failing pods pull with imagePullSecrets registry-pull (named in their spec; the Secret itself is not read)');
    expect(f?.nextAction).toMatch(/^Update the pull secret registry-pull in payments with the registry's current credentials/);
    expect(f?.fix).toBe("update the pull secret registry-pull with the registry's current credentials");
  });

  it('says the pods reference no pull secret when they have none, and names none', () => {
    const [f] = analyzeImagePulls(refusedWith(undefined));
    expect(f?.evidence).toContain('the failing pods reference no imagePullSecrets: the registry got only what the node itself holds');
    expect(f?.fix).toBe('fix the pull secret or registry credentials');
  });
});
