import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_46_SCENARIOS } from './heldout-46/stories.js';

describeHeldOutRound(46, HOLDOUT_46_SCENARIOS);
