import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_48_SCENARIOS } from './heldout-48/stories.js';

describeHeldOutRound(48, HOLDOUT_48_SCENARIOS);
