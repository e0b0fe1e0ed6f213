import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_91_SCENARIOS } from './heldout-91/stories.js';

describeHeldOutRound(91, HOLDOUT_91_SCENARIOS);
