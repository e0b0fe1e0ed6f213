import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_73_SCENARIOS } from './heldout-73/stories.js';

describeHeldOutRound(73, HOLDOUT_73_SCENARIOS);
