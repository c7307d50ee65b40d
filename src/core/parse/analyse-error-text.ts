// The whole reading of a pasted error: its fields (ParsedError) and the user it names. parseErrorText
// returns the first part; parseQuery needs both, because a user named only by object id has no place in
// ParsedError.
import type { ParsedError } from '../model/parsed-error.ts';
import { classifyError } from './classify-error.ts';
import { detectErrorSource } from './detect-error-source.ts';
import { extractErrorFields } from './extract-error-fields.ts';
import { extractErrorMessage } from './extract-error-message.ts';
import type { ErrorTextUser } from './find-error-user.ts';
import { findErrorUser } from './find-error-user.ts';
import { findExceptionNames } from './find-exception-names.ts';
import { textVariants, variantList } from './text-variants.ts';

/** An error text's fields and the user it names. */
export interface ErrorTextAnalysis {
  readonly parsedError: ParsedError;
  readonly user: ErrorTextUser | null;
}

function exceptionNamesIn(texts: readonly string[]): string[] {
  for (const text of texts) {
    const names = findExceptionNames(text);
    if (names.length > 0) return names;
  }
  return [];
}

/** Reads an error text of any size; null when it carries no recognisable error. */
export function analyseErrorText(text: string): ErrorTextAnalysis | null {
  const texts = variantList(textVariants(text));
  const fields = extractErrorFields(texts);
  const found = extractErrorMessage(texts);
  const exceptionNames = exceptionNamesIn(texts);
  const classification = classifyError(found?.message, fields.errorCode, exceptionNames.join(' '), ...texts);
  const hasErrorSignal =
    classification !== 'unknown' ||
    (fields.httpStatus !== undefined && fields.httpStatus >= 400) ||
    fields.errorCode !== undefined ||
    found?.shape === 'key-value' ||
    found?.shape === 'powershell';
  const source = detectErrorSource(texts, { exceptionNames, hasErrorSignal });
  if (source === null) return null;
  const user = findErrorUser(texts);
  // In CONTRACT.md's order, so that the JSON output reads the same way.
  const { httpStatus, errorCode, timestamp, method, requestId, clientRequestId } = fields;
  const parsedError: ParsedError = {
    source,
    classification,
    ...(httpStatus !== undefined && { httpStatus }),
    ...(errorCode !== undefined && { errorCode }),
    ...(found !== undefined && { errorMessage: found.message }),
    ...(user?.kind === 'upn' && { userPrincipalName: user.identifier }),
    ...(timestamp !== undefined && { timestamp }),
    ...(method !== undefined && { method }),
    ...(requestId !== undefined && { requestId }),
    ...(clientRequestId !== undefined && { clientRequestId }),
  };
  return { parsedError, user };
}
