import type { DiagnosisInput, DiagnosisReport } from '../model/diagnosis.ts';
import { explain } from './explain.ts';
import { gatherFindings } from './findings.ts';
import { remedies } from './remedies.ts';

/** The `diagnose --json` report for the live state read by the application layer; pure and total (never throws). */
export function diagnose(input: DiagnosisInput): DiagnosisReport {
  const f = gatherFindings(input);
  const user = input.entra.user;
  return {
    query: input.query,
    sandbox: input.sandbox,
    parsedError: input.parsedError,
    user: user && {
      userPrincipalName: user.userPrincipalName,
      displayName: user.displayName?.trim() ? user.displayName : user.userPrincipalName,
      entraObjectId: user.id,
      usageLocation: user.usageLocation,
      oktaUserId: input.okta?.user?.id ?? null,
    },
    licenses: f.rows,
    okta: f.okta,
    verdict: f.verdict,
    conflicts: f.conflicts,
    explanation: explain(f),
    remedies: remedies(f),
  };
}
