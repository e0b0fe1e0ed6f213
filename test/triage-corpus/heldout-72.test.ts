import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_72_SCENARIOS } from './heldout-72/stories.js';

describeHeldOutRound(72, HOLDOUT_72_SCENARIOS);
