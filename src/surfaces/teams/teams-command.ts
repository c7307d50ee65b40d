// What a message asks for: help, or a diagnosis of what was typed or pasted (a UPN, an object id, an error text).
// The Teams markup (mentions, HTML) stays in the query: the parser removes it the same way for every surface.

export type TeamsCommand = { readonly kind: 'help' } | { readonly kind: 'diagnose'; readonly query: string };

const TAG = /<[^<>]{0,500}>/g;
const MENTION = /<at\b[^<>]{0,200}>[^<>]{0,200}<\/at>/gi;
const HELP = new Set(['', 'help', '?', '/help', 'hi', 'hello']);
const DIAGNOSE = /^\s*(?:<[^<>]{0,500}>\s*)*\/?diagnose\b\s*/i;

/** The command in a message's text. */
export function teamsCommand(raw: string | undefined): TeamsCommand {
  const text = raw ?? '';
  const plain = text.replace(MENTION, ' ').replace(TAG, ' ').trim().toLowerCase();
  if (HELP.has(plain)) return { kind: 'help' };
  const query = text.replace(MENTION, ' ').replace(DIAGNOSE, '').trim();
  return query === '' ? { kind: 'help' } : { kind: 'diagnose', query };
}

/** The help text (Teams renders this Markdown subset). */
export function helpText(sandbox: boolean): string {
  return [
    '**License Doctor** explains why Okta cannot push a user\'s Office 365 licenses and fixes it with approval.',
    '',
    '- Send a user principal name (`jane@contoso.com`) or paste the Okta error text: you get a diagnosis.',
    '- Pick a resolution path on the card to preview its plan, give a justification, and request it.',
    '- Someone in the approvers group approves it in the approvals channel; the plan then runs and is verified.',
    '- `status LD-…` shows where a request stands; `my requests` lists yours and those waiting for your approval.',
    '- `scan` checks every Office 365 app user in Okta against Entra ID and sums up the conflicts on one card (one scan at a time).',
    ...(sandbox ? ['', 'This is the sandbox tenant: try `adele.vance@contoso.com`.'] : []),
  ].join('\n');
}
