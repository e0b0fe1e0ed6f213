import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_64_SCENARIOS } from './heldout-64/stories.js';

describeHeldOutRound(64, HOLDOUT_64_SCENARIOS);
