import { LicenseDoctorError } from '../../src/core/errors.ts';

/** The LicenseDoctorError `p` rejects with; any other outcome fails the test. */
export async function failure(p: Promise<unknown>): Promise<LicenseDoctorError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof LicenseDoctorError) return err;
    throw err;
  }
  throw new Error('expected a failure');
}
