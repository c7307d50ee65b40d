// Free text (a reason, a vendor's message) placed at the end of a sentence.

/** `text` trimmed, with a full stop unless it already ends with punctuation. */
export function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}
