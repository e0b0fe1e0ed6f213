import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_110_SCENARIOS } from './heldout-110/stories.js';

describeHeldOutRound(110, HOLDOUT_110_SCENARIOS);
