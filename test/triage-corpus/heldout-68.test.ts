import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_68_SCENARIOS } from './heldout-68/stories.js';

describeHeldOutRound(68, HOLDOUT_68_SCENARIOS);
