import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_104_SCENARIOS } from './heldout-104/stories.js';

describeHeldOutRound(104, HOLDOUT_104_SCENARIOS);
