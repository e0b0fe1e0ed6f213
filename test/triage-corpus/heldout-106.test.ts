import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_106_SCENARIOS } from './heldout-106/stories.js';

describeHeldOutRound(106, HOLDOUT_106_SCENARIOS);
