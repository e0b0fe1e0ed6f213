// Corpus stories: capacity.
import type { CorpusScenario } from '../scenario.js';

export const CAPACITY_SCENARIOS: CorpusScenario[] = [];
