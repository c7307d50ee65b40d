// The people the demo page lets you act as (src/sandbox/seed.ts PERSONAS), as Teams would present them in an
// activity's `from`: an MRI (29:...), a display name and the Entra object id. Who may approve is not decided here:
// the services check the approvers group on every click.
import { PERSONAS, seedTenant } from '../../sandbox/seed.ts';

export type PersonaKey = keyof typeof PERSONAS;

export interface DemoPersona {
  readonly key: PersonaKey;
  readonly userPrincipalName: string;
  readonly name: string;
  /** What the seed makes of them (a description for the persona switcher). */
  readonly role: string;
  /** The Teams user id (MRI) activities carry in `from.id`, and `refresh.userIds` lists. */
  readonly teamsId: string;
  /** Their Entra object id (`from.aadObjectId`). */
  readonly aadObjectId: string;
}

const ROLES: Readonly<Record<PersonaKey, string>> = {
  agent: 'Helpdesk agent: asks for changes',
  approver: 'Approver (member of License Doctor Approvers)',
  secondApprover: 'Approver (through the nested IAM Team group)',
  nonApprover: 'Not an approver',
};

let personas: readonly DemoPersona[] | null = null;

/** The four personas, in switcher order (agent first); their ids come from the seeded tenant. */
export function demoPersonas(): readonly DemoPersona[] {
  if (personas) return personas;
  const users = seedTenant(new Date(0)).graph.users;
  personas = (Object.keys(PERSONAS) as PersonaKey[]).map((key) => {
    const upn = PERSONAS[key];
    const user = users.find((u) => u.userPrincipalName === upn);
    if (!user) throw new Error(`the seeded tenant has no persona ${upn}`);
    return {
      key,
      userPrincipalName: upn,
      name: user.displayName,
      role: ROLES[key],
      teamsId: `29:${upn.split('@')[0]?.replace(/\./g, '-') ?? key}`,
      aadObjectId: user.id,
    };
  });
  return personas;
}

/** The persona with `key`, or null. */
export function demoPersona(key: string): DemoPersona | null {
  return demoPersonas().find((p) => p.key === key) ?? null;
}
