// The twenty-fourth held-out round (heldout-24/stories.ts): well-formed and runnable, never graded here.
import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_24_SCENARIOS } from './heldout-24/stories.js';

describeHeldOutRound(24, HOLDOUT_24_SCENARIOS);
