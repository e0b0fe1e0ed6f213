// The twenty-second held-out round (heldout-22/stories.ts): well-formed and runnable, never graded here.
import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_22_SCENARIOS } from './heldout-22/stories.js';

describeHeldOutRound(22, HOLDOUT_22_SCENARIOS);
