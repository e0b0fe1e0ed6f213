import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_70_SCENARIOS } from './heldout-70/stories.js';

describeHeldOutRound(70, HOLDOUT_70_SCENARIOS);
