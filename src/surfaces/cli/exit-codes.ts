// Exit codes of the license-doctor command (CONTRACT.md "Command line").
import { isLicenseDoctorError } from '../../core/errors.ts';

export const EXIT = { ok: 0, failure: 1, usage: 2, vendor: 3, policy: 4 } as const;

/** The exit code for an error that ended a command. */
export function exitCodeFor(err: unknown): number {
  if (!isLicenseDoctorError(err)) return EXIT.failure;
  switch (err.code) {
    case 'usage':
    case 'configuration':
    case 'not-found':
      return EXIT.usage;
    case 'graph-unavailable':
    case 'okta-unavailable':
    case 'throttled':
    case 'graph-request-failed':
    case 'okta-request-failed':
      return EXIT.vendor;
    case 'policy':
    case 'conflict':
      return EXIT.policy;
    case 'store':
    case 'unavailable':
      return EXIT.failure;
  }
}
