import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_107_SCENARIOS } from './heldout-107/stories.js';

describeHeldOutRound(107, HOLDOUT_107_SCENARIOS);
