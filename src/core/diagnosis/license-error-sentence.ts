// A license assignment error in plain words, with what fixes it; no Okta involved.
import type { LicenseRow } from '../model/diagnosis.ts';
import type { EntraGroup, SubscribedSku } from '../model/entra.ts';
import { findGroup } from './license-rows.ts';
import { groupPhrase } from './prose.ts';

interface Context {
  readonly name: string;
  readonly usageLocation: string | null;
  readonly groups: readonly EntraGroup[];
  readonly skus: readonly SubscribedSku[];
}

/** The error of one assignment path in plain words ("no free seats of Power BI Pro (2 of 2 used)"). */
export function licenseErrorPhrase(row: LicenseRow, ctx: Context): string {
  const product = row.productName;
  switch (row.error) {
    case 'CountViolation': {
      const sku = ctx.skus.find((s) => s.skuId.toLowerCase() === row.skuId);
      return sku ? `no free seats of ${product} (${sku.consumedUnits} of ${sku.enabledUnits} used)` : `no free seats of ${product}`;
    }
    case 'MutuallyExclusiveViolation':
      return `${product} cannot be combined with another license ${ctx.name} already has`;
    case 'DependencyViolation':
      return `a service plan of ${product} needs another plan that ${ctx.name} does not have`;
    case 'ProhibitedInUsageLocationViolation':
      return `${product} is not available in ${ctx.name}'s usage location (${ctx.usageLocation ?? 'none set'})`;
    case 'UniquenessViolation':
      return `an email address that ${product} needs is already used by another account`;
    case 'Other':
      return `Microsoft reports an unspecified error for ${product}`;
    case null:
      return `Microsoft shows ${product} in an error state without naming the error`;
  }
}

/** What an agent does about the error, as one sentence. */
export function licenseErrorFix(row: LicenseRow, ctx: Context): string {
  const reprocess = `then reprocess ${ctx.name}'s licenses in the Microsoft 365 admin center`;
  switch (row.error) {
    case 'CountViolation':
      return `Free a seat of ${row.productName} or buy more, ${reprocess}.`;
    case 'MutuallyExclusiveViolation':
      return `Remove the license it conflicts with, ${reprocess}.`;
    case 'DependencyViolation':
      return `Give ${ctx.name} the license or plan it depends on, ${reprocess}.`;
    case 'ProhibitedInUsageLocationViolation':
      return `Change ${ctx.name}'s usage location or use a product sold there, ${reprocess}.`;
    case 'UniquenessViolation':
      return `Remove the duplicate address from the other account, ${reprocess}.`;
    case 'Other':
    case null:
      return `Check ${ctx.name}'s licenses in the Microsoft 365 admin center and reprocess them.`;
  }
}

/** One sentence saying which license path fails for the person, and why. */
export function licenseErrorSentence(row: LicenseRow, ctx: Context): string {
  const phrase = licenseErrorPhrase(row, ctx);
  if (row.group !== null) {
    const from = groupPhrase(row.group, findGroup(row.group.id, ctx.groups));
    return row.state === 'Error'
      ? `${ctx.name} does not get ${row.productName} from ${from}: ${phrase}.`
      : `${ctx.name} gets ${row.productName} from ${from}, but with an error: ${phrase}.`;
  }
  return row.state === 'Error'
    ? `${row.productName}, assigned to ${ctx.name} directly, is not active: ${phrase}.`
    : `${row.productName}, assigned to ${ctx.name} directly, has an error: ${phrase}.`;
}
