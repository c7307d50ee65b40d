// Request paths for Graph, built so that no id or user principal name can change the request: every value is
// one percent-encoded path segment (`/`, `?`, `#`, `%`, `'`, parentheses...), and a UPN Graph would misread as a
// system segment (starting with `$`, per user-get.md) or a dot segment uses OData's `('...')` key syntax.
import { LicenseDoctorError } from '../../core/errors.ts';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a directory object id (a GUID). */
export const isGuid = (value: string): boolean => GUID.test(value);

const escapeChars = (encoded: string, chars: RegExp) => encoded.replace(chars, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** A value as one path segment: encodeURIComponent plus the sub-delimiters it leaves alone. */
export function pathSegment(value: string): string {
  return escapeChars(encodeURIComponent(value), /[!'()*]/g);
}

/** An OData string literal: single quotes doubled. */
export const odataString = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/** `/users/{id | userPrincipalName}` for any input (the caller has ruled out the empty string). */
export function userPath(idOrUpn: string): string {
  if (idOrUpn.startsWith('$') || /^\.{1,2}$/.test(idOrUpn)) {
    // The literal's own quotes stay literal; quotes inside are doubled, everything else is percent-encoded.
    return `/users('${escapeChars(encodeURIComponent(idOrUpn.replace(/'/g, "''")), /[!()*]/g)}')`;
  }
  return `/users/${pathSegment(idOrUpn)}`;
}

function objectId(value: string, what: string): string {
  if (!isGuid(value)) throw new LicenseDoctorError('usage', `${what} must be an Entra object id (a GUID); got ${JSON.stringify(value.slice(0, 80))}.`);
  return value.toLowerCase();
}

/** `/groups/{id}`; group ids are GUIDs, anything else is refused before a request is made. */
export const groupPath = (groupId: string): string => `/groups/${objectId(groupId, 'A group id')}`;

/**
 * `/groups/{id}/members/{id}/$ref`: the ONLY member path License Doctor builds. Without `/$ref`, Graph deletes
 * the member object itself; both ids must be GUIDs, so no input can turn this into another path.
 */
export const memberRefPath = (groupId: string, memberId: string): string =>
  `${groupPath(groupId)}/members/${objectId(memberId, 'A member id')}/$ref`;
