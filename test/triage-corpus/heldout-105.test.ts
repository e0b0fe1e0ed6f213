import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_105_SCENARIOS } from './heldout-105/stories.js';

describeHeldOutRound(105, HOLDOUT_105_SCENARIOS);
