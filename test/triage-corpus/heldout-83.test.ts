import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_83_SCENARIOS } from './heldout-83/stories.js';

describeHeldOutRound(83, HOLDOUT_83_SCENARIOS);
