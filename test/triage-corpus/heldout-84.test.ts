import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_84_SCENARIOS } from './heldout-84/stories.js';

describeHeldOutRound(84, HOLDOUT_84_SCENARIOS);
