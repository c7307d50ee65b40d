// Use case: a person diagnoses from a chat surface. They must be let in (HELPDESK_GROUP_ID), and every diagnosis —
// refused ones too — is audited: who looked up whom, from which surface. A diagnosis changes no state, so a plain
// append is enough (no transaction to share), and the answer does not wait for it: appends are serialised (the hash
// chain), and 200 diagnoses at once would otherwise queue their answers behind each other's audit entries. The append
// is tracked (`later`), so shutdown and tests wait for it, and a failure is logged.
import { isLicenseDoctorError } from '../core/errors.ts';
import { auditRecord, writeAudit } from './audit.ts';
import type { DiagnoseOutcome } from './diagnose-user.ts';
import type { Asker } from './helpdesk-gate.ts';
import type { ServiceDeps } from './service-deps.ts';

const shortQuery = (q: string) => (q.length > 200 ? `${q.slice(0, 199)}…` : q);

/** Diagnoses `query` for `asker` through `diagnose` (the shared queue); a refusal throws a policy error (and is audited). */
export async function diagnoseAs(
  deps: ServiceDeps,
  asker: Asker,
  query: string,
  diagnose: (query: string) => Promise<DiagnoseOutcome>,
  later: (work: Promise<unknown>) => void,
): Promise<DiagnoseOutcome> {
  const at = () => new Date(deps.clock.now()).toISOString();
  const where = { surface: asker.surface, surfaceUserId: asker.surfaceUserId ?? null, query: shortQuery(query) };
  let admitted;
  try {
    admitted = await deps.helpdesk.admit(asker);
  } catch (err) {
    if (isLicenseDoctorError(err, 'policy')) {
      await writeAudit(deps, [auditRecord(at(), 'diagnosis-refused', asker.upnOrId.toLowerCase(), null, { ...where, reason: err.message })]);
    }
    throw err;
  }
  const outcome = await diagnose(query);
  const report = outcome.kind === 'diagnosis' ? outcome.diagnosis.report : null;
  later(writeAudit(deps, [auditRecord(at(), 'diagnosed', admitted.who, null, {
    ...where,
    target: report?.user?.userPrincipalName ?? null,
    verdict: report?.verdict ?? 'unusable-input',
  })]).catch((err: unknown) => deps.logger.error({ err, who: admitted.who }, 'a diagnosis could not be written to the audit log')));
  if (report && deps.onDiagnosed) {
    later(deps.onDiagnosed(report).catch((err: unknown) => deps.logger.error({ err }, 'a diagnosis could not be shown to the alerts')));
  }
  return outcome;
}
