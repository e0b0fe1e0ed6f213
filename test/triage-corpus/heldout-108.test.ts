import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_108_SCENARIOS } from './heldout-108/stories.js';

describeHeldOutRound(108, HOLDOUT_108_SCENARIOS);
