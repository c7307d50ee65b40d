// The short, structured fields of an error text: HTTP status, error code, request ids, method, time.
// Each comes from a key the vendors print (Okta's key=value pairs, Graph's JSON envelope, PowerShell's
// "Status:" / "ErrorCode:" / "Date:" / headers), read near its key (see find-near-anchor.ts) and validated,
// so an empty `request-id=` is absent rather than swallowing the next key.
import { firstByRule } from './find-near-anchor.ts';
import { parseTimestamp } from './parse-timestamp.ts';

/** The structured fields found; each only when present. */
export interface ErrorFields {
  readonly httpStatus?: number;
  readonly errorCode?: string;
  readonly requestId?: string;
  readonly clientRequestId?: string;
  readonly method?: string;
  readonly timestamp?: string;
}

type Rule<T> = { readonly anchor: RegExp; readonly read: (window: string) => T | undefined };

const GUID = '([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})';
const CODE = '([A-Za-z][\\w.]{0,99})';

const capture = (pattern: RegExp) => (window: string) => pattern.exec(window)?.[1];

function status(pattern: RegExp) {
  return (window: string): number | undefined => {
    const value = Number(pattern.exec(window)?.[1]);
    return value >= 100 && value <= 599 ? value : undefined;
  };
}

function timestampAfter(key: RegExp) {
  return (window: string): string | undefined => {
    const match = key.exec(window);
    return match ? (parseTimestamp(window.slice(match[0].length)) ?? undefined) : undefined;
  };
}

const STATUS: ReadonlyArray<Rule<number>> = [
  { anchor: /httpstatuscode/gi, read: status(/^httpStatusCode"? ?[=:] ?["']?(\d{3})(?!\d)/i) },
  { anchor: /http status code/gi, read: status(/^http status code:? ?(\d{3})(?!\d)/i) },
  { anchor: /(?<![\w-])status(?:code)?\b/gi, read: status(/^status(?:code)?"? ?[=:] ?["']?(\d{3})(?!\d)/i) },
  { anchor: /http\/\d/gi, read: status(/^HTTP\/\d(?:\.\d)? (\d{3})(?!\d)/i) },
  { anchor: /does not indicate success/gi, read: status(/^does not indicate success:? ?(\d{3})(?!\d)/i) },
];

// A GraphError body printed without its envelope: {"code":…,"message":…,"innerError":{…}}.
const JSON_CODE = new RegExp(`^"code" ?: ?"${CODE}"`);
const ERROR_CODE_KEY = /(?<![\w-])errorcode/gi;
const ERROR_CODE: ReadonlyArray<Rule<string>> = [
  // The value must end where the format says it does (a quote, a comma, the next key): a value that runs
  // into a stray word was cut by a line break, and another reading has it whole.
  { anchor: ERROR_CODE_KEY, read: capture(new RegExp(`^errorCode"? ?[=:] ?["']?${CODE}(?=["',;})\\]]|$| [\\w-]{1,40} ?[=:])`, 'i')) },
  // Graph's JSON "code", only inside an error envelope: plenty of other JSON has a "code" key.
  { anchor: /"error" ?: ?\{/gi, read: capture(new RegExp(`^"error" ?: ?\\{[^{}]{0,500}?"code" ?: ?"${CODE}"`, 'i')) },
  { anchor: /"code"/g, read: (window) => (/"inner_?error"/i.test(window) ? JSON_CODE.exec(window)?.[1] : undefined) },
  { anchor: ERROR_CODE_KEY, read: capture(new RegExp(`^errorCode"? ?[=:] ?["']?${CODE}(?![\\w.:=])`, 'i')) },
];

const REQUEST_ID: ReadonlyArray<Rule<string>> = [
  { anchor: /(?<![\w-])request[-_]?id/gi, read: capture(new RegExp(`^request[-_]?id"? ?[=:] ?["']?${GUID}`, 'i')) },
];
const CLIENT_REQUEST_ID: ReadonlyArray<Rule<string>> = [
  {
    anchor: /(?<![\w-])client[-_]?request[-_]?id/gi,
    read: capture(new RegExp(`^client[-_]?request[-_]?id"? ?[=:] ?["']?${GUID}`, 'i')),
  },
];
const METHOD: ReadonlyArray<Rule<string>> = [
  {
    anchor: /(?<![\w-])method/gi,
    read: (window) => /^method"? ?[=:] ?["']?(GET|POST|PUT|PATCH|DELETE)(?![A-Za-z])/i.exec(window)?.[1]?.toUpperCase(),
  },
];
const TIMESTAMP: ReadonlyArray<Rule<string>> = [
  { anchor: /(?<![\w-])timestamp/gi, read: timestampAfter(/^timestamp"? ?[=:] ?["']?/i) },
  { anchor: /(?<![\w-])date/gi, read: timestampAfter(/^date"? ?[=:] ?["']?/i) },
  { anchor: /"published"/g, read: timestampAfter(/^"published" ?: ?"/) },
];

/** Reads the structured fields from an error text's readings (see TextVariants). */
export function extractErrorFields(texts: readonly string[]): ErrorFields {
  const httpStatus = firstByRule(texts, STATUS);
  const errorCode = firstByRule(texts, ERROR_CODE);
  const requestId = firstByRule(texts, REQUEST_ID);
  const clientRequestId = firstByRule(texts, CLIENT_REQUEST_ID);
  const method = firstByRule(texts, METHOD);
  const timestamp = firstByRule(texts, TIMESTAMP);
  return {
    ...(httpStatus !== undefined && { httpStatus }),
    ...(errorCode !== undefined && { errorCode }),
    ...(requestId !== undefined && { requestId }),
    ...(clientRequestId !== undefined && { clientRequestId }),
    ...(method !== undefined && { method }),
    ...(timestamp !== undefined && { timestamp }),
  };
}
