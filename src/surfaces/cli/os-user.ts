// Who runs this process, for the audit log of CLI actions.
import { userInfo } from 'node:os';

/** The operating-system user name, or "unknown" where the system cannot say (no passwd entry in a container). */
export function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
