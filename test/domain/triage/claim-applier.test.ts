import { describe, expect, it } from 'vitest';
import { findClaimApplier } from '../../../src/domain/triage/claim-applier.js';

describe('findClaimApplier', () => {
  it('reads the Argo CD Application from its tracking annotation, with its namespace when the app name carries one', () => {
    expect(findClaimApplier({ 'argocd.argoproj.io/tracking-id': 'ledger-db:/PersistentVolumeClaim:ledger/ledger-db-data' })).toEqual({ kind: 'Application', name: 'ledger-db' });
    expect(findClaimApplier({ 'argocd.argoproj.io/tracking-id': 'team-a_ledger-db:/PersistentVolumeClaim:ledger/ledger-db-data' })).toEqual({ kind: 'Application', name: 'ledger-db', namespace: 'team-a' });
  });

  it('reads a Flux Kustomization or HelmRelease from its labels, and nothing from a Helm-only label', () => {
    expect(findClaimApplier({}, { 'kustomize.toolkit.fluxcd.io/name': 'apps', 'kustomize.toolkit.fluxcd.io/namespace': 'flux-system' })).toEqual({ kind: 'Kustomization', name: 'apps', namespace: 'flux-system' });
    expect(findClaimApplier({}, { 'helm.toolkit.fluxcd.io/name': 'ledger', 'helm.toolkit.fluxcd.io/namespace': 'ledger' })).toEqual({ kind: 'HelmRelease', name: 'ledger', namespace: 'ledger' });
    expect(findClaimApplier({}, { 'app.kubernetes.io/instance': 'ledger' })).toBeUndefined();
  });
});
