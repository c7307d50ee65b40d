// How a configuration value may appear in an error message: secrets (the schema's `secret` flag) never, URLs never
// with their user name and password (a DATABASE_URL typed with the wrong scheme still carries the password).
import { describeVariables } from './env-schema.ts';

const SECRET = new Set(describeVariables().filter((v) => v.secret).map((v) => v.name));
const URL_LIKE = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*@)?([^/?#]*)([^?#]*)/i;

/** `value` without userinfo, query or fragment when it looks like a URL (even a malformed one), else null. */
function urlWithoutSecrets(value: string): string | null {
  const m = URL_LIKE.exec(value.trim());
  if (!m) return null;
  const [, scheme = '', , host = '', path = ''] = m;
  return `${scheme}${host}${path}`;
}

/** `=value` safe to print, or ` (hidden)` for a secret that is not a URL. */
export function shownValue(name: string, value: string): string {
  const url = urlWithoutSecrets(value);
  if (url !== null) return `=${url}`;
  return SECRET.has(name) ? ' (hidden)' : `=${value}`;
}
