// The thirtieth held-out round (heldout-30/stories.ts): well-formed and runnable, never graded here.
import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_30_SCENARIOS } from './heldout-30/stories.js';

describeHeldOutRound(30, HOLDOUT_30_SCENARIOS);
