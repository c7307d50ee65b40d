// Canonical JSON for hashing: object keys sorted by UTF-16 code units (as RFC 8785 sorts them), no whitespace, and
// JSON.stringify's rules for everything else. Sorting by hand matters: a JavaScript object lists integer-like keys
// ("2", "10") before the others whatever their insertion order, so JSON.stringify alone is not "sorted keys".

/** The canonical JSON text of a JSON value (as JSON.parse returns it). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((item: unknown) => (isOmitted(item) ? 'null' : canonicalJson(item))).join(',')}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => !isOmitted(v))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`canonicalJson: a ${typeof value} is not JSON`);
}

const isOmitted = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';
