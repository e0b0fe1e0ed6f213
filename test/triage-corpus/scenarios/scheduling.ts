// Corpus stories: scheduling.
import type { CorpusScenario } from '../scenario.js';

export const SCHEDULING_SCENARIOS: CorpusScenario[] = [];
