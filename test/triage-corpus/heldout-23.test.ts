// The twenty-third held-out round (heldout-23/stories.ts): well-formed and runnable, never graded here.
import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_23_SCENARIOS } from './heldout-23/stories.js';

describeHeldOutRound(23, HOLDOUT_23_SCENARIOS);
