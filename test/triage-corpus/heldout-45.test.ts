import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_45_SCENARIOS } from './heldout-45/stories.js';

describeHeldOutRound(45, HOLDOUT_45_SCENARIOS);
