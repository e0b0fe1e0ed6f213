import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_62_SCENARIOS } from './heldout-62/stories.js';

describeHeldOutRound(62, HOLDOUT_62_SCENARIOS);
