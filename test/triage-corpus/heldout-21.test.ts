// The twenty-first held-out round (heldout-21/stories.ts): well-formed and runnable, never graded here.
import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_21_SCENARIOS } from './heldout-21/stories.js';

describeHeldOutRound(21, HOLDOUT_21_SCENARIOS);
