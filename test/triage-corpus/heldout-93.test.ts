import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_93_SCENARIOS } from './heldout-93/stories.js';

describeHeldOutRound(93, HOLDOUT_93_SCENARIOS);
