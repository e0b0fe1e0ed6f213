import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_55_SCENARIOS } from './heldout-55/stories.js';

describeHeldOutRound(55, HOLDOUT_55_SCENARIOS);
