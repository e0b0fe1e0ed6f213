// The thirty-fifth held-out round (heldout-35/stories.ts): well-formed and runnable, never graded here.
import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_35_SCENARIOS } from './heldout-35/stories.js';

describeHeldOutRound(35, HOLDOUT_35_SCENARIOS);
