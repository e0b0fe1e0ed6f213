// The twenty-sixth held-out round (heldout-26/stories.ts): well-formed and runnable, never graded here.
import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_26_SCENARIOS } from './heldout-26/stories.js';

describeHeldOutRound(26, HOLDOUT_26_SCENARIOS);
