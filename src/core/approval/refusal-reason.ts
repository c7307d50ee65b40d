// Why the approval policy or the state machine refused something (surfaces map every reason to exit code 4 or a card).

/** A refusal's reason, for branching without matching on messages. */
export type RefusalReason =
  | 'self-approval'
  | 'not-approver'
  | 'expired'
  | 'already-decided'
  | 'duplicate-approval'
  | 'read-only'
  | 'justification-required'
  | 'reason-required'
  | 'removal-not-acknowledged'
  | 'not-allowed'
  | 'invalid-transition';

/** A refusal before it becomes a result: what and why, in words a person can act on. */
export interface Refusal {
  readonly reason: RefusalReason;
  readonly message: string;
}
