import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_65_SCENARIOS } from './heldout-65/stories.js';

describeHeldOutRound(65, HOLDOUT_65_SCENARIOS);
