// The approval policy per scope: a change for one user needs one approver; a change that reaches many users needs two.
export const APPROVALS_REQUIRED = { user: 1, group: 2, app: 2 } as const;
