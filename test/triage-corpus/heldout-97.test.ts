import { describeHeldOutRound } from './heldout-round.js';
import { HOLDOUT_97_SCENARIOS } from './heldout-97/stories.js';

describeHeldOutRound(97, HOLDOUT_97_SCENARIOS);
