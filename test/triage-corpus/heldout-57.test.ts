import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_57_SCENARIOS } from './heldout-57/stories.js';

describeHeldOutRound(57, HOLDOUT_57_SCENARIOS);
