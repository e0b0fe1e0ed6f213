import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_96_SCENARIOS } from './heldout-96/stories.js';

describeHeldOutRound(96, HOLDOUT_96_SCENARIOS);
