// The thirty-second held-out round (heldout-32/stories.ts): well-formed and runnable, never graded here.
import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_32_SCENARIOS } from './heldout-32/stories.js';

describeHeldOutRound(32, HOLDOUT_32_SCENARIOS);
