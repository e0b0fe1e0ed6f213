import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_71_SCENARIOS } from './heldout-71/stories.js';

describeHeldOutRound(71, HOLDOUT_71_SCENARIOS);
