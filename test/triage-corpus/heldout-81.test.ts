import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_81_SCENARIOS } from './heldout-81/stories.js';

describeHeldOutRound(81, HOLDOUT_81_SCENARIOS);
