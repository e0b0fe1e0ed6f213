import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_79_SCENARIOS } from './heldout-79/stories.js';

describeHeldOutRound(79, HOLDOUT_79_SCENARIOS);
