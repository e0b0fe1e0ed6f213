// Every scenario of the triage corpus. Each file holds the stories of one failure class.
import type { CorpusScenario } from '../scenario.js';
import { CAPACITY_SCENARIOS } from './capacity.js';
import { CONTAINER_SCENARIOS } from './containers.js';
import { EXAMPLE_SCENARIOS } from './examples.js';
import { HEALTHY_SCENARIOS } from './healthy.js';
import { HOLDOUT_SCENARIOS } from './holdout.js';
import { HOLDOUT_2_SCENARIOS } from './holdout-2.js';
import { HOLDOUT_3_SCENARIOS } from '../heldout-3/stories.js';
import { HOLDOUT_4_SCENARIOS } from '../heldout-4/stories.js';
import { HOLDOUT_5_SCENARIOS } from '../heldout-5/stories.js';
import { HOLDOUT_6_SCENARIOS } from '../heldout-6/stories.js';
import { HOLDOUT_7_SCENARIOS } from '../heldout-7/stories.js';
import { HOLDOUT_8_SCENARIOS } from '../heldout-8/stories.js';
import { HOLDOUT_9_SCENARIOS } from '../heldout-9/stories.js';
import { HOLDOUT_10_SCENARIOS } from '../heldout-10/stories.js';
import { HOLDOUT_11_SCENARIOS } from '../heldout-11/stories.js';
import { HOLDOUT_12_SCENARIOS } from '../heldout-12/stories.js';
import { HOLDOUT_13_SCENARIOS } from '../heldout-13/stories.js';
import { HOLDOUT_14_SCENARIOS } from '../heldout-14/stories.js';
import { JOB_SCENARIOS } from './jobs.js';
import { NETWORK_SCENARIOS } from './network.js';
import { NODE_SCENARIOS } from './nodes.js';
import { PROBE_SCENARIOS } from './probes.js';
import { ROLLOUT_CONFIG_SCENARIOS } from './rollout-config.js';
import { SCHEDULING_SCENARIOS } from './scheduling.js';
import { STORAGE_SCENARIOS } from './storage.js';
import { HOLDOUT_15_SCENARIOS } from '../heldout-15/stories.js';
import { HOLDOUT_16_SCENARIOS } from '../heldout-16/stories.js';
import { HOLDOUT_17_SCENARIOS } from '../heldout-17/stories.js';
import { HOLDOUT_18_SCENARIOS } from '../heldout-18/stories.js';
import { HOLDOUT_19_SCENARIOS } from '../heldout-19/stories.js';
import { HOLDOUT_20_SCENARIOS } from '../heldout-20/stories.js';
import { HOLDOUT_21_SCENARIOS } from '../heldout-21/stories.js';
import { HOLDOUT_22_SCENARIOS } from '../heldout-22/stories.js';
import { HOLDOUT_23_SCENARIOS } from '../heldout-23/stories.js';
import { HOLDOUT_24_SCENARIOS } from '../heldout-24/stories.js';
import { HOLDOUT_25_SCENARIOS } from '../heldout-25/stories.js';
import { HOLDOUT_26_SCENARIOS } from '../heldout-26/stories.js';
import { HOLDOUT_27_SCENARIOS } from '../heldout-27/stories.js';
import { HOLDOUT_28_SCENARIOS } from '../heldout-28/stories.js';
import { HOLDOUT_29_SCENARIOS } from '../heldout-29/stories.js';
import { HOLDOUT_30_SCENARIOS } from '../heldout-30/stories.js';
import { HOLDOUT_31_SCENARIOS } from '../heldout-31/stories.js';
import { HOLDOUT_32_SCENARIOS } from '../heldout-32/stories.js';
import { HOLDOUT_33_SCENARIOS } from '../heldout-33/stories.js';
import { HOLDOUT_34_SCENARIOS } from '../heldout-34/stories.js';
import { HOLDOUT_35_SCENARIOS } from '../heldout-35/stories.js';
import { HOLDOUT_36_SCENARIOS } from '../heldout-36/stories.js';
import { HOLDOUT_37_SCENARIOS } from '../heldout-37/stories.js';
import { HOLDOUT_38_SCENARIOS } from '../heldout-38/stories.js';
import { HOLDOUT_39_SCENARIOS } from '../heldout-39/stories.js';
import { HOLDOUT_40_SCENARIOS } from '../heldout-40/stories.js';
import { HOLDOUT_41_SCENARIOS } from '../heldout-41/stories.js';
import { HOLDOUT_42_SCENARIOS } from '../heldout-42/stories.js';
import { HOLDOUT_43_SCENARIOS } from '../heldout-43/stories.js';
import { HOLDOUT_44_SCENARIOS } from '../heldout-44/stories.js';
import { HOLDOUT_45_SCENARIOS } from '../heldout-45/stories.js';
import { HOLDOUT_46_SCENARIOS } from '../heldout-46/stories.js';
import { HOLDOUT_47_SCENARIOS } from '../heldout-47/stories.js';
import { HOLDOUT_48_SCENARIOS } from '../heldout-48/stories.js';
import { HOLDOUT_49_SCENARIOS } from '../heldout-49/stories.js';
import { HOLDOUT_50_SCENARIOS } from '../heldout-50/stories.js';
import { HOLDOUT_51_SCENARIOS } from '../heldout-51/stories.js';
import { HOLDOUT_52_SCENARIOS } from '../heldout-52/stories.js';
import { HOLDOUT_53_SCENARIOS } from '../heldout-53/stories.js';
import { HOLDOUT_54_SCENARIOS } from '../heldout-54/stories.js';
import { HOLDOUT_55_SCENARIOS } from '../heldout-55/stories.js';
import { HOLDOUT_56_SCENARIOS } from '../heldout-56/stories.js';
import { HOLDOUT_57_SCENARIOS } from '../heldout-57/stories.js';
import { HOLDOUT_58_SCENARIOS } from '../heldout-58/stories.js';
import { HOLDOUT_59_SCENARIOS } from '../heldout-59/stories.js';
import { HOLDOUT_60_SCENARIOS } from '../heldout-60/stories.js';
import { HOLDOUT_61_SCENARIOS } from '../heldout-61/stories.js';
import { HOLDOUT_62_SCENARIOS } from '../heldout-62/stories.js';
import { HOLDOUT_63_SCENARIOS } from '../heldout-63/stories.js';
import { HOLDOUT_64_SCENARIOS } from '../heldout-64/stories.js';
import { HOLDOUT_65_SCENARIOS } from '../heldout-65/stories.js';
import { HOLDOUT_66_SCENARIOS } from '../heldout-66/stories.js';
import { HOLDOUT_67_SCENARIOS } from '../heldout-67/stories.js';
import { HOLDOUT_68_SCENARIOS } from '../heldout-68/stories.js';
import { HOLDOUT_69_SCENARIOS } from '../heldout-69/stories.js';
import { HOLDOUT_70_SCENARIOS } from '../heldout-70/stories.js';
import { HOLDOUT_71_SCENARIOS } from '../heldout-71/stories.js';
import { HOLDOUT_72_SCENARIOS } from '../heldout-72/stories.js';
import { HOLDOUT_73_SCENARIOS } from '../heldout-73/stories.js';
import { HOLDOUT_74_SCENARIOS } from '../heldout-74/stories.js';
import { HOLDOUT_75_SCENARIOS } from '../heldout-75/stories.js';
import { HOLDOUT_76_SCENARIOS } from '../heldout-76/stories.js';
import { HOLDOUT_77_SCENARIOS } from '../heldout-77/stories.js';
import { HOLDOUT_78_SCENARIOS } from '../heldout-78/stories.js';
import { HOLDOUT_79_SCENARIOS } from '../heldout-79/stories.js';
import { HOLDOUT_80_SCENARIOS } from '../heldout-80/stories.js';
import { HOLDOUT_81_SCENARIOS } from '../heldout-81/stories.js';
import { HOLDOUT_82_SCENARIOS } from '../heldout-82/stories.js';
import { HOLDOUT_83_SCENARIOS } from '../heldout-83/stories.js';
import { HOLDOUT_84_SCENARIOS } from '../heldout-84/stories.js';
import { HOLDOUT_85_SCENARIOS } from '../heldout-85/stories.js';
import { HOLDOUT_86_SCENARIOS } from '../heldout-86/stories.js';
import { HOLDOUT_87_SCENARIOS } from '../heldout-87/stories.js';
import { HOLDOUT_88_SCENARIOS } from '../heldout-88/stories.js';
import { HOLDOUT_89_SCENARIOS } from '../heldout-89/stories.js';
import { HOLDOUT_90_SCENARIOS } from '../heldout-90/stories.js';
import { HOLDOUT_91_SCENARIOS } from '../heldout-91/stories.js';
import { HOLDOUT_92_SCENARIOS } from '../heldout-92/stories.js';
import { HOLDOUT_93_SCENARIOS } from '../heldout-93/stories.js';
import { HOLDOUT_94_SCENARIOS } from '../heldout-94/stories.js';
import { HOLDOUT_95_SCENARIOS } from '../heldout-95/stories.js';
import { HOLDOUT_96_SCENARIOS } from '../heldout-96/stories.js';
import { HOLDOUT_97_SCENARIOS } from '../heldout-97/stories.js';
import { HOLDOUT_98_SCENARIOS } from '../heldout-98/stories.js';
import { HOLDOUT_99_SCENARIOS } from '../heldout-99/stories.js';
import { HOLDOUT_100_SCENARIOS } from '../heldout-100/stories.js';
import { HOLDOUT_101_SCENARIOS } from '../heldout-101/stories.js';
import { HOLDOUT_102_SCENARIOS } from '../heldout-102/stories.js';
import { HOLDOUT_103_SCENARIOS } from '../heldout-103/stories.js';
import { HOLDOUT_104_SCENARIOS } from '../heldout-104/stories.js';
import { HOLDOUT_105_SCENARIOS } from '../heldout-105/stories.js';
import { HOLDOUT_106_SCENARIOS } from '../heldout-106/stories.js';
import { HOLDOUT_107_SCENARIOS } from '../heldout-107/stories.js';
import { HOLDOUT_108_SCENARIOS } from '../heldout-108/stories.js';
import { HOLDOUT_109_SCENARIOS } from '../heldout-109/stories.js';
import { HOLDOUT_110_SCENARIOS } from '../heldout-110/stories.js';

export const CORPUS: CorpusScenario[] = [
  ...EXAMPLE_SCENARIOS,
  ...CONTAINER_SCENARIOS,
  ...PROBE_SCENARIOS,
  ...ROLLOUT_CONFIG_SCENARIOS,
  ...SCHEDULING_SCENARIOS,
  ...NODE_SCENARIOS,
  ...STORAGE_SCENARIOS,
  ...CAPACITY_SCENARIOS,
  ...NETWORK_SCENARIOS,
  ...JOB_SCENARIOS,
  ...HEALTHY_SCENARIOS,
  ...HOLDOUT_SCENARIOS,
  ...HOLDOUT_2_SCENARIOS,
  // Held-out rounds 3–110: measured first on code that had not seen them, then fixed in general; now they guard against regressions.
  ...HOLDOUT_3_SCENARIOS,
  ...HOLDOUT_4_SCENARIOS,
  ...HOLDOUT_5_SCENARIOS,
  ...HOLDOUT_6_SCENARIOS,
  ...HOLDOUT_7_SCENARIOS,
  ...HOLDOUT_8_SCENARIOS,
  ...HOLDOUT_9_SCENARIOS,
  ...HOLDOUT_10_SCENARIOS,
  ...HOLDOUT_11_SCENARIOS,
  ...HOLDOUT_12_SCENARIOS,
  ...HOLDOUT_13_SCENARIOS,
  ...HOLDOUT_14_SCENARIOS,
  ...HOLDOUT_15_SCENARIOS,
  ...HOLDOUT_16_SCENARIOS,
  ...HOLDOUT_17_SCENARIOS,
  ...HOLDOUT_18_SCENARIOS,
  ...HOLDOUT_19_SCENARIOS,
  ...HOLDOUT_20_SCENARIOS,
  ...HOLDOUT_21_SCENARIOS,
  ...HOLDOUT_22_SCENARIOS,
  ...HOLDOUT_23_SCENARIOS,
  ...HOLDOUT_24_SCENARIOS,
  ...HOLDOUT_25_SCENARIOS,
  ...HOLDOUT_26_SCENARIOS,
  ...HOLDOUT_27_SCENARIOS,
  ...HOLDOUT_28_SCENARIOS,
  ...HOLDOUT_29_SCENARIOS,
  ...HOLDOUT_30_SCENARIOS,
  ...HOLDOUT_31_SCENARIOS,
  ...HOLDOUT_32_SCENARIOS,
  ...HOLDOUT_33_SCENARIOS,
  ...HOLDOUT_34_SCENARIOS,
  ...HOLDOUT_35_SCENARIOS,
  ...HOLDOUT_36_SCENARIOS,
  ...HOLDOUT_37_SCENARIOS,
  ...HOLDOUT_38_SCENARIOS,
  ...HOLDOUT_39_SCENARIOS,
  ...HOLDOUT_40_SCENARIOS,
  ...HOLDOUT_41_SCENARIOS,
  ...HOLDOUT_42_SCENARIOS,
  ...HOLDOUT_43_SCENARIOS,
  ...HOLDOUT_44_SCENARIOS,
  ...HOLDOUT_45_SCENARIOS,
  ...HOLDOUT_46_SCENARIOS,
  ...HOLDOUT_47_SCENARIOS,
  ...HOLDOUT_48_SCENARIOS,
  ...HOLDOUT_49_SCENARIOS,
  ...HOLDOUT_50_SCENARIOS,
  ...HOLDOUT_51_SCENARIOS,
  ...HOLDOUT_52_SCENARIOS,
  ...HOLDOUT_53_SCENARIOS,
  ...HOLDOUT_54_SCENARIOS,
  ...HOLDOUT_55_SCENARIOS,
  ...HOLDOUT_56_SCENARIOS,
  ...HOLDOUT_57_SCENARIOS,
  ...HOLDOUT_58_SCENARIOS,
  ...HOLDOUT_59_SCENARIOS,
  ...HOLDOUT_60_SCENARIOS,
  ...HOLDOUT_61_SCENARIOS,
  ...HOLDOUT_62_SCENARIOS,
  ...HOLDOUT_63_SCENARIOS,
  ...HOLDOUT_64_SCENARIOS,
  ...HOLDOUT_65_SCENARIOS,
  ...HOLDOUT_66_SCENARIOS,
  ...HOLDOUT_67_SCENARIOS,
  ...HOLDOUT_68_SCENARIOS,
  ...HOLDOUT_69_SCENARIOS,
  ...HOLDOUT_70_SCENARIOS,
  ...HOLDOUT_71_SCENARIOS,
  ...HOLDOUT_72_SCENARIOS,
  ...HOLDOUT_73_SCENARIOS,
  ...HOLDOUT_74_SCENARIOS,
  ...HOLDOUT_75_SCENARIOS,
  ...HOLDOUT_76_SCENARIOS,
  ...HOLDOUT_77_SCENARIOS,
  ...HOLDOUT_78_SCENARIOS,
  ...HOLDOUT_79_SCENARIOS,
  ...HOLDOUT_80_SCENARIOS,
  ...HOLDOUT_81_SCENARIOS,
  ...HOLDOUT_82_SCENARIOS,
  ...HOLDOUT_83_SCENARIOS,
  ...HOLDOUT_84_SCENARIOS,
  ...HOLDOUT_85_SCENARIOS,
  ...HOLDOUT_86_SCENARIOS,
  ...HOLDOUT_87_SCENARIOS,
  ...HOLDOUT_88_SCENARIOS,
  ...HOLDOUT_89_SCENARIOS,
  ...HOLDOUT_90_SCENARIOS,
  ...HOLDOUT_91_SCENARIOS,
  ...HOLDOUT_92_SCENARIOS,
  ...HOLDOUT_93_SCENARIOS,
  ...HOLDOUT_94_SCENARIOS,
  ...HOLDOUT_95_SCENARIOS,
  ...HOLDOUT_96_SCENARIOS,
  ...HOLDOUT_97_SCENARIOS,
  ...HOLDOUT_98_SCENARIOS,
  ...HOLDOUT_99_SCENARIOS,
  ...HOLDOUT_100_SCENARIOS,
  ...HOLDOUT_101_SCENARIOS,
  ...HOLDOUT_102_SCENARIOS,
  ...HOLDOUT_103_SCENARIOS,
  ...HOLDOUT_104_SCENARIOS,
  ...HOLDOUT_105_SCENARIOS,
  ...HOLDOUT_106_SCENARIOS,
  ...HOLDOUT_107_SCENARIOS,
  ...HOLDOUT_108_SCENARIOS,
  ...HOLDOUT_109_SCENARIOS,
  ...HOLDOUT_110_SCENARIOS,
];
