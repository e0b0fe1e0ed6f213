// Controller failures known by their message: what they mean and the safe way out.
import { describe, expect, it } from 'vitest';
import { explainControllerFailure } from '../../../src/domain/triage/controller-failures.js';

describe('explainControllerFailure', () => {
  it('reads a SealedSecret no key can decrypt as one sealed with a certificate whose key the controller lacks, and advises re-sealing', () => {
    const known = explainControllerFailure('SealedSecret', 'orders', 'Failed to unseal: no key could decrypt secret (TOKEN)');
    expect(known?.cause).toMatch(/private key the sealed-secrets controller does not hold/);
    expect(known?.fix).toBe("re-seal SealedSecret orders with the controller's current certificate (kubeseal --fetch-cert), or restore the sealing key it was sealed with");
  });

  it('knows nothing of other kinds or other messages', () => {
    expect(explainControllerFailure('ExternalSecret', 'orders', 'no key could decrypt secret (TOKEN)')).toBeUndefined();
    expect(explainControllerFailure('SealedSecret', 'orders', 'Failed to unseal: illegal base64 data at input byte 4')).toBeUndefined();
  });
});
