// The ranking is pure and the triage uses it too (a PriorityClass name one typo off): it lives in the domain.
export { chooseByNamePrefix, rankNearNames } from '../../domain/triage/near-names.js';
