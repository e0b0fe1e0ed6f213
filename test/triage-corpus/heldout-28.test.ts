// The twenty-eighth held-out round (heldout-28/stories.ts): well-formed and runnable, never graded here.
import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_28_SCENARIOS } from './heldout-28/stories.js';

describeHeldOutRound(28, HOLDOUT_28_SCENARIOS);
