import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_53_SCENARIOS } from './heldout-53/stories.js';

describeHeldOutRound(53, HOLDOUT_53_SCENARIOS);
