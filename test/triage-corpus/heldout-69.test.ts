import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_69_SCENARIOS } from './heldout-69/stories.js';

describeHeldOutRound(69, HOLDOUT_69_SCENARIOS);
