// Who acts on the command line: the signed-in UPN with --login (a different --as is refused), else the --as given.
import { LicenseDoctorError } from '../../core/errors.ts';

/** The acting person's UPN; `usage` without either, `policy` (sign-in-mismatch) when --as names someone else. */
export function actingAs(as: string | null, signedInAs: string | null): string {
  if (signedInAs === null) {
    if (as === null) throw new LicenseDoctorError('usage', '--as <upn> is required (or --login to sign in); run license-doctor --help');
    return as;
  }
  if (as !== null && as.trim().toLowerCase() !== signedInAs) {
    throw new LicenseDoctorError('policy', `You signed in as ${signedInAs}, so you cannot act as ${as.trim()}; leave out --as or sign in as that person.`, { reason: 'sign-in-mismatch' });
  }
  return signedInAs;
}
