import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_58_SCENARIOS } from './heldout-58/stories.js';

describeHeldOutRound(58, HOLDOUT_58_SCENARIOS);
