// The forty-second held-out round (heldout-42/stories.ts): well-formed and runnable, never graded here.
import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_42_SCENARIOS } from './heldout-42/stories.js';

describeHeldOutRound(42, HOLDOUT_42_SCENARIOS);
