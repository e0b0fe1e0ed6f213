// Corpus stories: healthy.
import type { CorpusScenario } from '../scenario.js';

export const HEALTHY_SCENARIOS: CorpusScenario[] = [];
