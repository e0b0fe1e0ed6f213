// Corpus stories: rollout-config.
import type { CorpusScenario } from '../scenario.js';

export const ROLLOUT_CONFIG_SCENARIOS: CorpusScenario[] = [];
