// The thirty-sixth held-out round (heldout-36/stories.ts): well-formed and runnable, never graded here.
import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_36_SCENARIOS } from './heldout-36/stories.js';

describeHeldOutRound(36, HOLDOUT_36_SCENARIOS);
