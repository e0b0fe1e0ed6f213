import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_60_SCENARIOS } from './heldout-60/stories.js';

describeHeldOutRound(60, HOLDOUT_60_SCENARIOS);
