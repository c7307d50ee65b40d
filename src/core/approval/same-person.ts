// Who counts as the same person for self-approval and one-approver-counts-once.
import type { Actor } from '../model/request.ts';

const upnKey = (upn: string): string => upn.trim().toLowerCase();

/**
 * True when both actors are the same person: the same UPN (case-insensitive; surfaces differ in case) or the same
 * Entra object id when both are known (a UPN can be renamed between request and decision).
 */
export function samePerson(a: Actor, b: Actor): boolean {
  if (upnKey(a.userPrincipalName) === upnKey(b.userPrincipalName)) return true;
  return a.entraObjectId !== null && b.entraObjectId !== null && a.entraObjectId.toLowerCase() === b.entraObjectId.toLowerCase();
}
