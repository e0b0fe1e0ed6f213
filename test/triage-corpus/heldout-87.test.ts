import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_87_SCENARIOS } from './heldout-87/stories.js';

describeHeldOutRound(87, HOLDOUT_87_SCENARIOS);
