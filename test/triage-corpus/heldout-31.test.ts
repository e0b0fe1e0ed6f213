// The thirty-first held-out round (heldout-31/stories.ts): well-formed and runnable, never graded here.
import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_31_SCENARIOS } from './heldout-31/stories.js';

describeHeldOutRound(31, HOLDOUT_31_SCENARIOS);
