/**
 * What a LimitRange bounds, per item (`spec.limits[]`): LimitRanger admission refuses a pod whose
 * containers fall outside, and its message names the bound but never the LimitRange, so the
 * triage names it from these. Quantities as the API gives them ("2Gi", "500m", a ratio "2").
 */
import type { Quantity } from './evidence-spec.js';

export interface LimitRangeItemEvidence {
  /** Container, Pod or PersistentVolumeClaim. */
  type: string;
  max?: Record<string, Quantity>;
  min?: Record<string, Quantity>;
  /** The default limit LimitRanger fills in (`default` on the wire). */
  default?: Record<string, Quantity>;
  defaultRequest?: Record<string, Quantity>;
  /** The largest limit/request ratio allowed, per resource. */
  maxLimitRequestRatio?: Record<string, Quantity>;
}
