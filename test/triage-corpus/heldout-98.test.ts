import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_98_SCENARIOS } from './heldout-98/stories.js';

describeHeldOutRound(98, HOLDOUT_98_SCENARIOS);
