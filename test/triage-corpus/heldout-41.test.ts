// The forty-first held-out round (heldout-41/stories.ts): well-formed and runnable, never graded here.
import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_41_SCENARIOS } from './heldout-41/stories.js';

describeHeldOutRound(41, HOLDOUT_41_SCENARIOS);
