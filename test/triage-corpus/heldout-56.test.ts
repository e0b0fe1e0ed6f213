import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_56_SCENARIOS } from './heldout-56/stories.js';

describeHeldOutRound(56, HOLDOUT_56_SCENARIOS);
