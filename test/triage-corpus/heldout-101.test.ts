import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_101_SCENARIOS } from './heldout-101/stories.js';

describeHeldOutRound(101, HOLDOUT_101_SCENARIOS);
