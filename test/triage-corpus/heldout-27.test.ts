// The twenty-seventh held-out round (heldout-27/stories.ts): well-formed and runnable, never graded here.
import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_27_SCENARIOS } from './heldout-27/stories.js';

describeHeldOutRound(27, HOLDOUT_27_SCENARIOS);
