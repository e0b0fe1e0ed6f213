// The thirty-eighth held-out round (heldout-38/stories.ts): well-formed and runnable, never graded here.
import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_38_SCENARIOS } from './heldout-38/stories.js';

describeHeldOutRound(38, HOLDOUT_38_SCENARIOS);
