import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_67_SCENARIOS } from './heldout-67/stories.js';

describeHeldOutRound(67, HOLDOUT_67_SCENARIOS);
