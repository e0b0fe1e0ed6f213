import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_59_SCENARIOS } from './heldout-59/stories.js';

describeHeldOutRound(59, HOLDOUT_59_SCENARIOS);
