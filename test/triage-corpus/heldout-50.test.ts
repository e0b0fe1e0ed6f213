import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_50_SCENARIOS } from './heldout-50/stories.js';

describeHeldOutRound(50, HOLDOUT_50_SCENARIOS);
