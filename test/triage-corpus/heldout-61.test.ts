import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_61_SCENARIOS } from './heldout-61/stories.js';

describeHeldOutRound(61, HOLDOUT_61_SCENARIOS);
