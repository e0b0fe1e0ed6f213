/**
 * A pod template naming a PriorityClass that does not exist: the Priority admission plugin
 * refuses every pod ("no PriorityClass with name X was found"). Usually a typo of a class the
 * cluster has, which the namespace's other workloads already run with.
 */
import { rankNearNames } from './near-names.js';
import type { PriorityClassUseEvidence } from './evidence.js';

const MISSING_CLASS = /no PriorityClass with name ([\w.-]+) was found/i;

/** The class name the API server could not find, from a FailedCreate message. */
export function findMissingPriorityClass(message: string): string | undefined {
  return MISSING_CLASS.exec(message)?.[1];
}

/** The class in use whose name is nearest the missing one, with who uses it. */
export function findNearPriorityClass(missing: string, inUse: readonly PriorityClassUseEvidence[]): PriorityClassUseEvidence | undefined {
  const best = rankNearNames(missing, inUse.map((c) => c.name), 1)[0];
  return inUse.find((c) => c.name === best);
}
