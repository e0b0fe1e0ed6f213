// Corpus stories: probes.
import type { CorpusScenario } from '../scenario.js';

export const PROBE_SCENARIOS: CorpusScenario[] = [];
