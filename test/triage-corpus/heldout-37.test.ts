// The thirty-seventh held-out round (heldout-37/stories.ts): well-formed and runnable, never graded here.
import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_37_SCENARIOS } from './heldout-37/stories.js';

describeHeldOutRound(37, HOLDOUT_37_SCENARIOS);
