import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_99_SCENARIOS } from './heldout-99/stories.js';

describeHeldOutRound(99, HOLDOUT_99_SCENARIOS);
