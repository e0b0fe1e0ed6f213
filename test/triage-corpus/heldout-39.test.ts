// The thirty-ninth held-out round (heldout-39/stories.ts): well-formed and runnable, never graded here.
import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_39_SCENARIOS } from './heldout-39/stories.js';

describeHeldOutRound(39, HOLDOUT_39_SCENARIOS);
