import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_74_SCENARIOS } from './heldout-74/stories.js';

describeHeldOutRound(74, HOLDOUT_74_SCENARIOS);
