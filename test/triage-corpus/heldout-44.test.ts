// The forty-fourth held-out round (heldout-44/stories.ts): well-formed and runnable, never graded here.
import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_44_SCENARIOS } from './heldout-44/stories.js';

describeHeldOutRound(44, HOLDOUT_44_SCENARIOS);
