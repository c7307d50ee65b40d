// The one table of step kinds: every built-in kind is in it once, under its own name, and what the executor relies on
// holds for each (a write step has a vendor call, a vendor, the writes it makes; manual and verify steps have none).
import { STEP_KINDS, stepKindOf, withStepKinds } from '../../../src/core/steps/step-table.ts';
import { isLicenseDoctorError } from '../../../src/core/errors.ts';
import { diagnosisOf, planOf } from '../plans/plan-fixtures.ts';

const kinds = [...STEP_KINDS.entries()];

test('every kind is registered under its own name, once', () => {
  expect(kinds.map(([name, kind]) => [name, kind.kind])).toEqual(kinds.map(([name]) => [name, name]));
  expect(kinds).toHaveLength(12);
  expect(() => withStepKinds(STEP_KINDS, ...[...STEP_KINDS.values()].slice(0, 1))).toThrow(/registered twice/);
});

describe.each(kinds)('%s', (_name, kind) => {
  test('a write step has a vendor call, a vendor and its writes; manual and verify steps have none', () => {
    const writes = kind.role === 'write';
    expect({ perform: kind.perform !== undefined, vendor: kind.vendor !== null, writes: kind.writes !== undefined }).toEqual({ perform: writes, vendor: writes, writes });
    if (!writes) expect(kind.readBack).toBe('none');
  });
});

test("a plan's steps are automatic exactly when their kind is not manual", () => {
  const steps = (['okta-owns-licenses', 'entra-owns-licenses', 'okta-workflows-profile-only'] as const).flatMap((path) => planOf(diagnosisOf(), path).steps);
  expect(new Set(steps.map((s) => s.action.kind)).size).toBeGreaterThan(4);
  for (const step of steps) expect(step.automatic).toBe(stepKindOf(STEP_KINDS, step.action).role !== 'manual');
});

test('a kind the table does not hold is refused with a LicenseDoctorError', () => {
  let caught: unknown = null;
  try {
    stepKindOf(STEP_KINDS, { kind: 'undo-everything' });
  } catch (err) {
    caught = err;
  }
  expect(isLicenseDoctorError(caught, 'configuration')).toBe(true);
});
