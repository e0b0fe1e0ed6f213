import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_100_SCENARIOS } from './heldout-100/stories.js';

describeHeldOutRound(100, HOLDOUT_100_SCENARIOS);
