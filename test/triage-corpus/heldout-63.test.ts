import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_63_SCENARIOS } from './heldout-63/stories.js';

describeHeldOutRound(63, HOLDOUT_63_SCENARIOS);
