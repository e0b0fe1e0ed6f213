import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_90_SCENARIOS } from './heldout-90/stories.js';

describeHeldOutRound(90, HOLDOUT_90_SCENARIOS);
