// The twenty-fifth held-out round (heldout-25/stories.ts): well-formed and runnable, never graded here.
import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_25_SCENARIOS } from './heldout-25/stories.js';

describeHeldOutRound(25, HOLDOUT_25_SCENARIOS);
