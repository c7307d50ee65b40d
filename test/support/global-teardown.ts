// Stops the PostgreSQL that global-setup.ts started, if it started one.
export default async function globalTeardown(): Promise<void> {
  await globalThis.licenseDoctorEmbeddedPostgres?.stop();
  globalThis.licenseDoctorEmbeddedPostgres = undefined;
}
