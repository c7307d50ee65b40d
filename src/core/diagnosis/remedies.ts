// The resolution paths the diagnosis offers, with whether each can be taken for this user and what limits it: each
// registered path (core/paths) says when it is offered.
import type { Remedy } from '../model/diagnosis.ts';
import { allPaths } from '../paths/path-registry.ts';
import type { Findings } from './findings.ts';

/** The remedies, in the registry's order (the KB's paths for the two conflict verdicts; none when nothing needs resolving). */
export function remedies(f: Findings): Remedy[] {
  return allPaths().flatMap((p) => p.remedy?.(f) ?? []);
}
