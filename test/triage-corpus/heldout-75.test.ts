import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_75_SCENARIOS } from './heldout-75/stories.js';

describeHeldOutRound(75, HOLDOUT_75_SCENARIOS);
