import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_109_SCENARIOS } from './heldout-109/stories.js';

describeHeldOutRound(109, HOLDOUT_109_SCENARIOS);
