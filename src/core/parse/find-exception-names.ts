// .NET exception type names, e.g. Microsoft.Online.Administration.InvalidOperationOnGroupInheritedLicenseException
// (the KB's Microsoft-side log) or MSOnline's FullyQualifiedErrorId. Found by locating "Exception" and
// walking back over the dotted name, so that no pattern scans a long identifier run more than once.

const NAME_CHAR = /[A-Za-z0-9_.]/;
const MAX_NAME_LENGTH = 300;
const MAX_NAMES = 8;
const MAX_HITS = 64;

/** Exception type names in `text`, in order of appearance (at most a few; a bare "Exception" is not one). */
export function findExceptionNames(text: string): string[] {
  const names: string[] = [];
  let hit = text.indexOf('Exception');
  for (let hits = 0; hit >= 0 && hits < MAX_HITS && names.length < MAX_NAMES; hits += 1, hit = text.indexOf('Exception', hit + 1)) {
    const end = hit + 'Exception'.length;
    if (/[A-Za-z0-9_]/.test(text.charAt(end))) continue;
    let start = hit;
    while (start > 0 && hit - start < MAX_NAME_LENGTH && NAME_CHAR.test(text.charAt(start - 1))) start -= 1;
    const name = text.slice(start, end).replace(/^[^A-Za-z]+/, '');
    const simple = name.slice(name.lastIndexOf('.') + 1);
    if (simple.length > 'Exception'.length && /^[A-Za-z]/.test(simple) && !names.includes(name)) names.push(name);
  }
  return names;
}

/** True when an exception name alone marks the text as a Microsoft license error. */
export function isMicrosoftOrLicenseException(name: string): boolean {
  return /^(?:Microsoft|System)\./.test(name) || /License|UsageLocation/i.test(name);
}
