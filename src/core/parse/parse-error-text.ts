import type { ParsedError } from '../model/parsed-error.ts';
import { analyseErrorText } from './analyse-error-text.ts';

/**
 * Extracts the fields of a pasted license error (Okta push text or System Log event, Graph JSON,
 * Microsoft exception or PowerShell error); null when the text carries no recognisable error.
 * Works on text of any size in linear time.
 */
export function parseErrorText(text: string): ParsedError | null {
  return analyseErrorText(text)?.parsedError ?? null;
}
