import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_103_SCENARIOS } from './heldout-103/stories.js';

describeHeldOutRound(103, HOLDOUT_103_SCENARIOS);
