import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_85_SCENARIOS } from './heldout-85/stories.js';

describeHeldOutRound(85, HOLDOUT_85_SCENARIOS);
