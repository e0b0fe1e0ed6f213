// The forty-third held-out round (heldout-43/stories.ts): well-formed and runnable, never graded here.
import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_43_SCENARIOS } from './heldout-43/stories.js';

describeHeldOutRound(43, HOLDOUT_43_SCENARIOS);
