/**
 * A StatefulSet's claim template that asks for more than a claim it made has. The controller
 * uses a volumeClaimTemplate only to create a claim that does not exist yet; a template raised
 * later (edited, or the set re-created with --cascade=orphan to get past the immutable field)
 * leaves every existing claim at its old size. The disk grows only when the claim itself is
 * expanded.
 */
import type { PvcEvidence, Quantity, WorkloadEvidence } from './evidence.js';
import type { ClaimTemplateEvidence } from './evidence-claim-template.js';
import { parseQuantity } from './quantity.js';

export interface ClaimTemplateGap {
  template: ClaimTemplateEvidence;
  /** The template's request: what the claim was meant to have. */
  asks: Quantity;
  /** What the claim asks for (its spec), which an expansion must raise. */
  has: Quantity;
}

/** The template `claim` was made from (`<template>-<set>-<ordinal>`), when it asks for more than the claim does. */
export function findClaimTemplateGap(workload: WorkloadEvidence | null | undefined, claim: PvcEvidence): ClaimTemplateGap | undefined {
  if (workload?.kind !== 'StatefulSet') return undefined;
  const template = (workload.claimTemplates ?? []).find((t) => claim.name.startsWith(`${t.name}-${workload.name}-`) && /^\d+$/.test(claim.name.slice(t.name.length + workload.name.length + 2)));
  const has = claim.requested ?? claim.capacity;
  const asks = template?.storage;
  const wanted = parseQuantity(asks);
  const held = parseQuantity(has);
  if (!template || asks === undefined || has === undefined || wanted === undefined || held === undefined || wanted <= held) return undefined;
  return { template, asks, has };
}
