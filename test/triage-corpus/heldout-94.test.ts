import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_94_SCENARIOS } from './heldout-94/stories.js';

describeHeldOutRound(94, HOLDOUT_94_SCENARIOS);
