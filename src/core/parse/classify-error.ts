// Which license problem an error text is about. Microsoft's code for most of them is the generic
// Request_BadRequest, so the message decides (reference/graph.md §2.1); group-based licensing's error
// names (CountViolation, DependencyViolation) and MSOnline's exception names count as well.
// ProhibitedInUsageLocationViolation is deliberately not "usage-location-missing": the user has a usage
// location, the license is just not offered there, and no category here fits that, so it stays "unknown".
import type { ErrorClassification } from '../model/parsed-error.ts';

const RULES: ReadonlyArray<readonly [ErrorClassification, readonly string[]]> = [
  [
    'group-inherited-license',
    [
      'inherited from a group membership',
      'inherited from group membership',
      'cannot be removed directly from the user',
      'invalidoperationongroupinheritedlicense',
    ],
  ],
  ['usage-location-missing', ['invalid usage location', 'parameter name: usagelocation']],
  ['no-available-licenses', ['does not have any available licenses', 'countviolation', 'licensequotaexceeded']],
  ['insufficient-privileges', ['authorization_requestdenied', 'insufficient privileges to complete the operation']],
  ['dependency-violation', ['depends on the service plan', 'dependencyviolation']],
];

function classifyOne(text: string): ErrorClassification {
  const lower = text.toLowerCase();
  for (const [classification, phrases] of RULES) {
    if (phrases.some((phrase) => lower.includes(phrase))) return classification;
  }
  return 'unknown';
}

/** Classifies by the first of `texts` (most specific first: message, code, whole text) that says anything. */
export function classifyError(...texts: ReadonlyArray<string | undefined>): ErrorClassification {
  for (const text of texts) {
    if (text === undefined) continue;
    const classification = classifyOne(text);
    if (classification !== 'unknown') return classification;
  }
  return 'unknown';
}
