import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_66_SCENARIOS } from './heldout-66/stories.js';

describeHeldOutRound(66, HOLDOUT_66_SCENARIOS);
