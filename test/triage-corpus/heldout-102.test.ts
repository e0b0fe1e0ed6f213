import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_102_SCENARIOS } from './heldout-102/stories.js';

describeHeldOutRound(102, HOLDOUT_102_SCENARIOS);
