// The explanation of the two conflict verdicts: who tries to do what, why Microsoft refuses, what to decide.
import type { Findings } from './findings.ts';
import { directRemovalSentences, groupsPhrase, oktaHoldsPhrase, otherErrorSentences, productOf, sourcesPhrase, unmatchedSentences } from './explanation-parts.ts';
import { itOrThem, listPhrase } from './prose.ts';
import { relativeTime } from './relative-time.ts';

function decision(f: Findings): string {
  return (
    `Pick one owner of ${f.name}'s licenses: Okta (Okta gets the complete list and the group-based licenses are removed) ` +
    `or Entra ID (Okta stops managing Office 365 licenses, optionally keeping profile attributes in sync through an Okta Workflows flow).`
  );
}

/** "it comes from the Entra ID group 'X'" for one SKU, "Adele Vance gets A from X and B from Y" for several. */
function comesFrom(f: Findings, skus: readonly string[]): string {
  const only = skus.length === 1 ? skus[0] : undefined;
  return only !== undefined ? `it comes from ${groupsPhrase(f, only)}` : `${f.name} gets ${sourcesPhrase(f, skus)}`;
}

function conflictAttempt(f: Findings): string[] {
  const skus = f.conflicts.map((c) => c.skuId);
  const products = listPhrase(skus.map((sku) => productOf(f, sku)));
  const when = f.pushFailure ? relativeTime(f.pushFailure.published, f.input.checkedAt) : null;
  if (f.missing.length > 0) {
    const holds = oktaHoldsPhrase(f);
    const because = `because Okta holds ${holds.text}${holds.blank ? ' —' : ','} but ${comesFrom(f, skus)}, and Microsoft refuses to remove a group-inherited license directly`;
    return when !== null
      ? [`Okta's last push, ${when}, tried to remove ${products} from ${f.name} ${because}.`]
      : [`Okta's next push for ${f.name} will try to remove ${products} ${because}, so the push will fail.`];
  }
  const it = itOrThem(skus.length);
  return [
    `Okta's last push, ${when ?? 'recently'}, failed because Microsoft refuses to change a group-inherited license directly: ${f.name} gets ${sourcesPhrase(f, skus)}.`,
    `Okta holds ${products} too, so the push most likely tried to change ${it === 'it' ? 'its' : 'their'} service plans.`,
  ];
}

/** Explanation for `group-inherited-license-conflict`. */
export function explainConflict(f: Findings): string {
  const sentences = [...conflictAttempt(f)];
  if (f.okta?.scope === 'GROUP' && f.missing.length > 0) {
    sentences.push(`Okta gives ${f.name} licenses through an Okta group assignment, so what Okta holds is set on that Okta group.`);
  }
  sentences.push(...unmatchedSentences(f), "Until this is settled, every one of Okta's pushes for this user fails.", decision(f), ...otherErrorSentences(f));
  return sentences.join(' ');
}

/** Explanation for `dual-managed-license`. */
export function explainDualManaged(f: Findings): string {
  const skus = f.conflicts.map((c) => c.skuId);
  const it = itOrThem(skus.length);
  return [
    `${f.name} gets ${sourcesPhrase(f, skus)}, and Okta holds ${listPhrase(skus.map((sku) => productOf(f, sku)))} too.`,
    `Okta's pushes pass today because Okta keeps ${it}, but any change to ${it} in Okta — removing ${it} or changing ${it === 'it' ? 'its' : 'their'} plans — will fail, because Microsoft refuses to change a group-inherited license directly.`,
    ...unmatchedSentences(f),
    ...directRemovalSentences(f),
    decision(f),
    ...otherErrorSentences(f),
  ].join(' ');
}

/** What would happen if Okta pushed again, for verdicts where it does not push now; empty when nothing would fail. */
export function wouldConflictSentences(f: Findings): string[] {
  if (f.missing.length === 0) return [];
  const products = listPhrase(f.missing.map((sku) => productOf(f, sku)));
  return [`If it is turned back on, Okta would try to remove ${products}, but ${comesFrom(f, f.missing)}, so the push would fail.`];
}
