// The twenty-ninth held-out round (heldout-29/stories.ts): well-formed and runnable, never graded here.
import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_29_SCENARIOS } from './heldout-29/stories.js';

describeHeldOutRound(29, HOLDOUT_29_SCENARIOS);
