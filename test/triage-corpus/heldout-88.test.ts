import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_88_SCENARIOS } from './heldout-88/stories.js';

describeHeldOutRound(88, HOLDOUT_88_SCENARIOS);
