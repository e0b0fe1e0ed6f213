/**
 * A NetworkPolicy's ingress rules as the API gives them, peers and ports kept apart, so a caller
 * can be checked against them: whether its namespace's labels, its pods' labels, its address and
 * the port it calls are admitted by any rule. (NetworkPolicyEvidence.ingress keeps the same rules
 * as lines for people to read.)
 */

/** A label selector: matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist). */
export interface LabelSelectorEvidence {
  matchLabels: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/**
 * One `from` peer. namespaceSelector alone: every pod of the namespaces it selects; podSelector
 * alone: pods of the policy's own namespace; both: pods so labelled in namespaces so labelled.
 */
export interface PolicyPeerEvidence {
  namespaceSelector?: LabelSelectorEvidence;
  podSelector?: LabelSelectorEvidence;
  ipBlock?: { cidr: string; except?: string[] };
}

export interface PolicyPortEvidence {
  protocol: 'TCP' | 'UDP' | 'SCTP';
  /** A number or a container port's name; absent: every port. */
  port?: number | string;
  endPort?: number;
}

export interface PolicyRuleEvidence {
  /** Empty: from anywhere. */
  from: PolicyPeerEvidence[];
  /** Empty: on every port. */
  ports: PolicyPortEvidence[];
}
