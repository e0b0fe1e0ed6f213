// The fortieth held-out round (heldout-40/stories.ts): well-formed and runnable, never graded here.
import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_40_SCENARIOS } from './heldout-40/stories.js';

describeHeldOutRound(40, HOLDOUT_40_SCENARIOS);
