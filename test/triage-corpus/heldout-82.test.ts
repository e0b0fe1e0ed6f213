import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_82_SCENARIOS } from './heldout-82/stories.js';

describeHeldOutRound(82, HOLDOUT_82_SCENARIOS);
