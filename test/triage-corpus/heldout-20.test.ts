// The twentieth held-out round (heldout-20/stories.ts): well-formed and runnable, never graded here.
import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_20_SCENARIOS } from './heldout-20/stories.js';

describeHeldOutRound(20, HOLDOUT_20_SCENARIOS);
