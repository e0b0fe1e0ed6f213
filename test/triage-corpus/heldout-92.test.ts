import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_92_SCENARIOS } from './heldout-92/stories.js';

describeHeldOutRound(92, HOLDOUT_92_SCENARIOS);
