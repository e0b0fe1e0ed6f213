import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_51_SCENARIOS } from './heldout-51/stories.js';

describeHeldOutRound(51, HOLDOUT_51_SCENARIOS);
