// The thirty-third held-out round (heldout-33/stories.ts): well-formed and runnable, never graded here.
import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_33_SCENARIOS } from './heldout-33/stories.js';

describeHeldOutRound(33, HOLDOUT_33_SCENARIOS);
