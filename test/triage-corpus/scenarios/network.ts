// Corpus stories: network.
import type { CorpusScenario } from '../scenario.js';

export const NETWORK_SCENARIOS: CorpusScenario[] = [];
