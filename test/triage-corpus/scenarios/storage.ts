// Corpus stories: storage.
import type { CorpusScenario } from '../scenario.js';

export const STORAGE_SCENARIOS: CorpusScenario[] = [];
