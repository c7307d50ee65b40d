// What counts as a user identifier. The patterns are strict on purpose: whatever passes goes into Graph
// and Okta requests, so nothing with spaces, slashes, '?', '$', '=', '%' or '&' may pass. Entra allows
// ' . - _ ! # ^ ~ in the part before the @ (and mail addresses use +): adapters must still escape the
// identifier for OData ('' for ') and URL-encode it in a path (# and + matter there).

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const LOCAL_PART = /^[A-Za-z0-9'_!#^~+-]+(?:\.[A-Za-z0-9'_!#^~+-]+)*$/;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const TOP_LEVEL = /^(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;
const SHORT_LOGIN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Characters a user principal name or mail address may contain before the @. */
export const LOCAL_PART_CHARS = /[A-Za-z0-9'_!#^~+.-]/;
/** Characters a domain name may contain. */
export const DOMAIN_CHARS = /[A-Za-z0-9.-]/;

/** True for an Entra object id (a GUID, any case). */
export function isGuid(text: string): boolean {
  return GUID.test(text);
}

/** True for a user principal name or mail address: local@domain with a dotted domain. */
export function isUserPrincipalName(text: string): boolean {
  if (text.length > 320) return false;
  const at = text.indexOf('@');
  if (at < 1 || at !== text.lastIndexOf('@')) return false;
  const local = text.slice(0, at);
  const labels = text.slice(at + 1).split('.');
  const topLevel = labels[labels.length - 1] ?? '';
  return (
    local.length <= 64 &&
    text.length - at - 1 <= 255 &&
    LOCAL_PART.test(local) &&
    labels.length >= 2 &&
    labels.every((label) => DOMAIN_LABEL.test(label)) &&
    TOP_LEVEL.test(topLevel)
  );
}

/** True for an Okta login short name such as `jdoe` or `j.doe`: [A-Za-z0-9._-], at least one letter. */
export function isOktaShortLogin(text: string): boolean {
  return SHORT_LOGIN.test(text) && !text.includes('..') && !text.endsWith('.') && /[A-Za-z]/.test(text);
}
