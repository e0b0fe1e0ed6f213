import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_49_SCENARIOS } from './heldout-49/stories.js';

describeHeldOutRound(49, HOLDOUT_49_SCENARIOS);
