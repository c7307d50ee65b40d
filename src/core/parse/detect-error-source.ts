// Which vendor surface printed an error text (ParsedError.source), or null when nothing in it is a
// recognisable error. Okta's push text and System Log event come first because they quote Graph's error
// inside them; a bare exception name counts only when it is Microsoft's or about licenses, so that prose
// mentioning a NullReferenceException is not taken for a license error.
import type { ErrorSource } from '../model/parsed-error.ts';
import { isMicrosoftOrLicenseException } from './find-exception-names.ts';

const OKTA_PUSH = /could not push profile|app\.office365\.api\.error\.push\.profile|(?<![\w-])httpStatusCode ?=/i;
const GRAPH_ENVELOPE = /"error" ?: ?\{|"inner_?error" ?:/i;

/** What the rest of the parse found, as evidence that the text is an error at all. */
export interface ErrorEvidence {
  readonly exceptionNames: readonly string[];
  /** A structured field, a PowerShell or Okta message, or a known classification was found. */
  readonly hasErrorSignal: boolean;
}

/** The source of an error text's readings (see TextVariants), or null when it is not error text. */
export function detectErrorSource(texts: readonly string[], evidence: ErrorEvidence): ErrorSource | null {
  if (texts.some((text) => OKTA_PUSH.test(text))) return 'okta-push';
  if (texts.some((text) => GRAPH_ENVELOPE.test(text))) return 'graph-json';
  const { exceptionNames, hasErrorSignal } = evidence;
  if (exceptionNames.some(isMicrosoftOrLicenseException) || (exceptionNames.length > 0 && hasErrorSignal)) return 'ms-exception';
  return hasErrorSignal ? 'other' : null;
}
