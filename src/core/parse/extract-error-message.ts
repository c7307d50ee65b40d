// Microsoft's error message, from whichever shape the paste has: Okta's errorMessage="…" (also as a JSON
// key in a LogEvent), Graph's "message" in the error envelope, the text after a PowerShell cmdlet name
// ("Set-MgUserLicense : …", "Set-MgUserLicense_AssignExpanded: …"), or, failing all of those, one of the
// fixed Microsoft messages quoted anywhere. Of the readings (see TextVariants), the one that holds a known
// message intact wins: a line break in the middle of a word only leaves it whole in the joined reading.
import { findKnownErrorMessage } from './known-error-messages.ts';
import { findNearAnchor } from './find-near-anchor.ts';

const MAX_MESSAGE = 2000;

const clean = (text: string): string | undefined => {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  return trimmed === '' ? undefined : trimmed;
};

// An unquoted or unterminated value ends where the next key= begins.
const NEXT_KEY = / [\w-]{1,40}=/;

function keyValueMessage(window: string): string | undefined {
  const key = /^errorMessage"? ?[=:] ?/i.exec(window);
  if (!key) return undefined;
  let rest = window.slice(key[0].length, key[0].length + MAX_MESSAGE + 2);
  const quote = rest.charAt(0);
  if (quote === '"' || quote === "'") {
    const close = rest.indexOf(quote, 1);
    if (close > 0) return clean(rest.slice(1, close));
    rest = rest.slice(1);
  }
  const next = NEXT_KEY.exec(rest);
  return clean(next ? rest.slice(0, next.index) : rest);
}

const JSON_MESSAGE = /^"message" ?: ?"((?:[^"\\]|\\.){0,2000})/;

function jsonMessage(window: string): string | undefined {
  const value = JSON_MESSAGE.exec(window)?.[1];
  return value === undefined ? undefined : clean(value.replace(/\\(.)/g, '$1'));
}

// Windows PowerShell prints "Cmdlet : message", PowerShell 7 "Cmdlet_ParameterSet: message"; what follows
// the message is Graph's Status/ErrorCode/Date/Headers block or the error record's position and category.
const CMDLET = /\b[A-Z][a-z]{1,15}-(?:Mg|Msol|AzureAD|Az)[A-Za-z]{1,80}(?:_[A-Za-z]{1,40})? ?: /g;
const CMDLET_AT_START = /^[A-Z][a-z]{1,15}-(?:Mg|Msol|AzureAD|Az)[A-Za-z]{1,80}(?:_[A-Za-z]{1,40})? ?: /;
const AFTER_MESSAGE =
  / (?:Status: ?\d{3}\b|ErrorCode:|Date: ?\d|Headers:|At line:|At char:|At [A-Za-z]:\\|\+ |CategoryInfo|FullyQualifiedErrorId)/;

function cmdletMessage(window: string): string | undefined {
  const cmdlet = CMDLET_AT_START.exec(window);
  if (!cmdlet) return undefined;
  const rest = window.slice(cmdlet[0].length, cmdlet[0].length + MAX_MESSAGE);
  const end = AFTER_MESSAGE.exec(rest);
  return clean(end ? rest.slice(0, end.index) : rest);
}

/** Where the message came from: it tells the caller which shape of error the text is. */
export type MessageShape = 'key-value' | 'json' | 'powershell' | 'known';

/** A message and the shape it was read from. */
export interface FoundMessage {
  readonly message: string;
  readonly shape: MessageShape;
}

function messageIn(text: string): FoundMessage | undefined {
  const keyValue = findNearAnchor(text, /(?<![\w-])errormessage/gi, keyValueMessage);
  if (keyValue !== undefined) return { message: keyValue, shape: 'key-value' };
  const json = findNearAnchor(text, /"message"/g, jsonMessage);
  if (json !== undefined) return { message: json, shape: 'json' };
  const powershell = findNearAnchor(text, CMDLET, cmdletMessage);
  if (powershell !== undefined) return { message: powershell, shape: 'powershell' };
  const known = findKnownErrorMessage(text);
  return known === undefined ? undefined : { message: known, shape: 'known' };
}

/** Microsoft's error message in an error text's readings (see TextVariants), or undefined. */
export function extractErrorMessage(texts: readonly string[]): FoundMessage | undefined {
  const found = texts.map(messageIn);
  const intact = found.find((candidate) => candidate !== undefined && findKnownErrorMessage(candidate.message) !== undefined);
  return intact ?? found.find((candidate) => candidate !== undefined);
}
