import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_76_SCENARIOS } from './heldout-76/stories.js';

describeHeldOutRound(76, HOLDOUT_76_SCENARIOS);
