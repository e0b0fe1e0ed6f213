// Corpus stories: nodes.
import type { CorpusScenario } from '../scenario.js';

export const NODE_SCENARIOS: CorpusScenario[] = [];
