// Corpus stories: containers.
import type { CorpusScenario } from '../scenario.js';

export const CONTAINER_SCENARIOS: CorpusScenario[] = [];
