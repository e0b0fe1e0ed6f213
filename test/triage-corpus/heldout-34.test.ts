// The thirty-fourth held-out round (heldout-34/stories.ts): well-formed and runnable, never graded here.
import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_34_SCENARIOS } from './heldout-34/stories.js';

describeHeldOutRound(34, HOLDOUT_34_SCENARIOS);
