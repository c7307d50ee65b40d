// Diagnosis + resolution path -> plan. The options are checked against what the path declares, then the path's own
// module (core/paths) builds it.
import type { Diagnosis, PathId } from '../model/diagnosis.ts';
import type { PlanOptions, PlanResult } from '../model/plan.ts';
import { allPaths, pathModule } from '../paths/path-registry.ts';
import { resolveOptions } from '../paths/plan-options.ts';
import type { PlanContext } from './plan-context.ts';

/**
 * The plan for `path` from `diagnosis`, or `not-applicable` with the reason: no conflict to resolve, provisioning
 * already off (paths 2 and 3), Okta cannot own licenses or no usage location (path 1), or options that do not fit.
 */
export function buildPlan(diagnosis: Diagnosis, path: PathId, options: PlanOptions, context: PlanContext): PlanResult {
  const module = pathModule(path);
  const resolved = resolveOptions(module, options, allPaths());
  if (resolved.kind === 'invalid') return { kind: 'not-applicable', reason: resolved.reason };
  return module.plan(diagnosis, resolved.options, context);
}
