import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_47_SCENARIOS } from './heldout-47/stories.js';

describeHeldOutRound(47, HOLDOUT_47_SCENARIOS);
