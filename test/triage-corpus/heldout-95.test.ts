import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_95_SCENARIOS } from './heldout-95/stories.js';

describeHeldOutRound(95, HOLDOUT_95_SCENARIOS);
