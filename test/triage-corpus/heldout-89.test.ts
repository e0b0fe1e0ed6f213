import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_89_SCENARIOS } from './heldout-89/stories.js';

describeHeldOutRound(89, HOLDOUT_89_SCENARIOS);
