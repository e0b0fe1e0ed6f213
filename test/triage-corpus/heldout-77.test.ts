import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_77_SCENARIOS } from './heldout-77/stories.js';

describeHeldOutRound(77, HOLDOUT_77_SCENARIOS);
