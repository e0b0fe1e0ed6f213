import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_78_SCENARIOS } from './heldout-78/stories.js';

describeHeldOutRound(78, HOLDOUT_78_SCENARIOS);
