import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_86_SCENARIOS } from './heldout-86/stories.js';

describeHeldOutRound(86, HOLDOUT_86_SCENARIOS);
