// The one place where database failures (pg, better-sqlite3, Kysely's migrator) become LicenseDoctorError `store`, or
// `unavailable` when the database could not be reached or the connection was lost (a retry can succeed once it is
// back). Messages say what to check; the driver's code and text go in `details`, with the password in DATABASE_URL masked.
import { LicenseDoctorError, isLicenseDoctorError, type ErrorDetails } from '../../core/errors.ts';

/** Where the failing database is: its printable name and the strings to mask. */
export interface StoreLocation {
  readonly display: string;
  readonly secrets: readonly string[];
}

// 57P01-57P03: the server was shut down or the backend terminated; class 08: connection exceptions.
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004']);
const CONNECTION_LOST = /timeout exceeded when trying to connect|Connection terminated|Client has encountered a connection error|Query read timeout/i;

/** True when `err` says the database could not be reached or the connection broke (not a refusal or a bug). */
function isUnreachable(err: unknown): boolean {
  const code = storeErrorCode(err);
  return (code !== null && UNREACHABLE.has(code)) || CONNECTION_LOST.test(err instanceof Error ? err.message : String(err));
}
const UNIQUE_VIOLATION = new Set(['23505', 'SQLITE_CONSTRAINT_PRIMARYKEY', 'SQLITE_CONSTRAINT_UNIQUE']);

/** The driver's error code (pg SQLSTATE, SQLite extended code, Node errno), looking through wrappers. */
function storeErrorCode(err: unknown): string | null {
  for (let e: unknown = err, depth = 0; typeof e === 'object' && e !== null && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const nested = (e as { errors?: unknown }).errors;
    e = Array.isArray(nested) && nested.length > 0 ? nested[0] : (e as { cause?: unknown }).cause;
  }
  return null;
}

/** True when `err` is a primary-key or unique violation. */
export const isUniqueViolation = (err: unknown): boolean => UNIQUE_VIOLATION.has(storeErrorCode(err) ?? '');

function advice(code: string | null, text: string, where: string, operation: string): string {
  if ((code !== null && UNREACHABLE.has(code)) || CONNECTION_LOST.test(text)) {
    return `Cannot reach ${where} (${operation}): check DATABASE_URL and that the database server is running and accepts connections from this host. A change in flight may or may not have been stored: read it again once the database is back.`;
  }
  switch (code) {
    case '28P01':
    case '28000':
      return `${where} refused the user or password in DATABASE_URL (${operation}): check them.`;
    case '3D000':
      return `The database in DATABASE_URL does not exist on ${where} (${operation}): create it or fix DATABASE_URL.`;
    case '42501':
      return `The DATABASE_URL user may not do this on ${where} (${operation}): grant it the right to create and change tables in its schema.`;
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return `${where} stayed locked by another process (${operation}): stop other License Doctor processes sharing the file, or use PostgreSQL (DATABASE_URL=postgres://...) for several instances.`;
    case 'SQLITE_CANTOPEN':
    case 'ENOTDIR':
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
    case 'EEXIST':
      return `Cannot open ${where} (${operation}): check that its folder exists and this user may write there, or set DATABASE_URL.`;
    case 'SQLITE_READONLY':
      return `${where} is read-only for this process (${operation}): check the file's permissions.`;
    case 'SQLITE_NOTADB':
    case 'SQLITE_CORRUPT':
      return `${where} is not a valid SQLite database (${operation}): restore it from a backup or point DATABASE_URL at another file.`;
    case 'SQLITE_FULL':
      return `The disk holding ${where} is full (${operation}): free some space.`;
    default:
      return `The database (${where}) failed during ${operation}: check the database's log and DATABASE_URL.`;
  }
}

/** Masks each secret (and any password in a URL) in `text`. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  const masked = secrets.filter((s) => s !== '').reduce((t, s) => t.split(s).join('***'), text);
  return masked.replace(/(\/\/[^:/@\s]*:)[^@\s]*@/g, '$1***@');
}

/** Translates a database failure during `operation` into LicenseDoctorError `store` or `unavailable` (other LicenseDoctorErrors pass through). */
export function toStoreError(err: unknown, operation: string, location: StoreLocation): LicenseDoctorError {
  if (isLicenseDoctorError(err)) return err;
  const code = storeErrorCode(err);
  const text = maskSecrets(err instanceof Error ? err.message : String(err), location.secrets);
  const details: ErrorDetails = { operation, vendorMessage: text, ...(code === null ? {} : { vendorCode: code }) };
  return new LicenseDoctorError(isUnreachable(err) ? 'unavailable' : 'store', advice(code, text, location.display, operation), details);
}

/** Runs one store operation; a driver error becomes the LicenseDoctorError toStoreError makes of it. */
export async function storeCall<T>(operation: string, location: StoreLocation, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toStoreError(err, operation, location);
  }
}
