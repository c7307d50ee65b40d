// What the page needs to draw itself: the personas (for the switcher), the seeded users and what each demonstrates
// (src/sandbox/seed.ts SCENARIOS, for the scenario panel), and the conversations it shows.
import { SCENARIOS, type Scenario } from '../../sandbox/seed.ts';
import { demoPersonas, type PersonaKey } from './demo-personas.ts';
import type { DemoPlaces } from './demo-places.ts';

export interface DemoSetup {
  readonly personas: ReadonlyArray<{ key: PersonaKey; name: string; role: string; userPrincipalName: string; teamsId: string }>;
  readonly scenarios: readonly Scenario[];
  readonly conversations: { readonly approvals: string; readonly alerts: string; readonly personal: Readonly<Record<string, string>> };
}

/** The setup document for `places`. */
export function demoSetup(places: DemoPlaces): DemoSetup {
  const personas = demoPersonas();
  return {
    personas: personas.map(({ key, name, role, userPrincipalName, teamsId }) => ({ key, name, role, userPrincipalName, teamsId })),
    scenarios: SCENARIOS,
    conversations: { approvals: places.approvals, alerts: places.alerts, personal: Object.fromEntries(personas.map((p) => [p.key, places.personal(p.key)])) },
  };
}
