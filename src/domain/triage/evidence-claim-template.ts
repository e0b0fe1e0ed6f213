// A StatefulSet's claim template as the triage holds it: what it gives the claims it creates.
import type { Quantity } from './evidence-spec.js';

/**
 * One of a StatefulSet's spec.volumeClaimTemplates. The controller uses it only to create a claim
 * that does not exist yet (`<template>-<set>-<ordinal>`); it never resizes one that does.
 */
export interface ClaimTemplateEvidence {
  name: string;
  /** spec.resources.requests.storage. */
  storage?: Quantity;
  storageClass?: string;
}
