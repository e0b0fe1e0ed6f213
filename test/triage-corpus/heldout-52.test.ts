import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_52_SCENARIOS } from './heldout-52/stories.js';

describeHeldOutRound(52, HOLDOUT_52_SCENARIOS);
