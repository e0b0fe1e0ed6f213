import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_80_SCENARIOS } from './heldout-80/stories.js';

describeHeldOutRound(80, HOLDOUT_80_SCENARIOS);
