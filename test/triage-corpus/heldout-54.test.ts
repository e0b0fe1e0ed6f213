import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_54_SCENARIOS } from './heldout-54/stories.js';

describeHeldOutRound(54, HOLDOUT_54_SCENARIOS);
