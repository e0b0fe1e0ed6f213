// Corpus stories: jobs.
import type { CorpusScenario } from '../scenario.js';

export const JOB_SCENARIOS: CorpusScenario[] = [];
