// How the three resolution paths are named to people (button labels and card titles).
import type { PathId } from '../model/diagnosis.ts';

/** `kb`: the path's number in Okta's KB article (null for the undo, which the article does not number). */
export const PATH_LABELS: Readonly<Record<PathId, { readonly button: string; readonly title: string; readonly kb: number | null }>> = {
  'okta-owns-licenses': { button: 'Okta owns licenses', title: 'Okta owns the licenses', kb: 1 },
  'entra-owns-licenses': { button: 'Entra ID owns licenses', title: 'Entra ID owns the licenses (Okta provisioning off)', kb: 2 },
  'okta-workflows-profile-only': { button: 'Okta Workflows for profiles', title: 'Entra ID owns licenses; Okta Workflows pushes profiles', kb: 3 },
  'okta-provisioning-on': { button: 'Turn Okta provisioning back on', title: 'Okta provisioning back on', kb: null },
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "1 approval" / "2 approvals". */
export const approvalsLabel = (n: number): string => plural(n, 'approval');
