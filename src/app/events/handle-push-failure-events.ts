// Use case: Okta told us about events (an event hook delivery or a System Log poll). Each failed push of an Office 365
// app user is diagnosed the normal way (the diagnosis reads the System Log itself, since Okta's Office 365 error event
// is not hook-eligible), once per event uuid however often it is delivered.
import { pushFailureEvents, type OktaLogEvent, type PushFailureEvent } from '../../core/events/push-failure-event.ts';
import type { Diagnosis } from '../../core/model/diagnosis.ts';
import type { EventReceipts } from '../../core/ports/event-receipts.ts';
import type { AppLogger } from '../app-logger.ts';
import { diagnoseIdentifier, type DiagnoseDeps } from '../diagnose-user.ts';

export interface PushFailureEventDeps {
  readonly diagnose: DiagnoseDeps;
  readonly receipts: EventReceipts;
  readonly logger: AppLogger;
  /** Each new failure's diagnosis (alerts follow it). */
  readonly onDiagnosis: (diagnosis: Diagnosis, event: PushFailureEvent) => Promise<void> | void;
}

export interface EventsOutcome {
  readonly received: number;
  /** Failed pushes of an Office 365 app user. */
  readonly eligible: number;
  /** Eligible events seen before (repeated deliveries). */
  readonly repeated: number;
  readonly diagnosed: number;
}

/** The Office 365 app instances whose failures count: the configured one, else every instance. */
async function office365AppIds(deps: DiagnoseDeps): Promise<Set<string>> {
  if (deps.oktaAppId) return new Set([deps.oktaAppId]);
  return new Set((await deps.okta.listOffice365Apps()).map((a) => a.id));
}

/** Diagnoses every new push failure among `events`, oldest first. A failed diagnosis is logged; the others go on. */
export async function handlePushFailureEvents(deps: PushFailureEventDeps, events: readonly OktaLogEvent[], types?: readonly string[]): Promise<EventsOutcome> {
  const failures = pushFailureEvents(events, await office365AppIds(deps.diagnose), types);
  let repeated = 0;
  let diagnosed = 0;
  for (const event of failures) {
    const at = new Date(deps.diagnose.clock.now()).toISOString();
    if (!(await deps.receipts.recordNew(event.uuid, at))) {
      repeated += 1;
      continue;
    }
    try {
      const diagnosis = await diagnoseIdentifier(deps.diagnose, event.login, event.login, 'upn', null);
      diagnosed += 1;
      deps.logger.info({ eventUuid: event.uuid, user: event.login, verdict: diagnosis.report.verdict }, 'Okta push failure diagnosed');
      await deps.onDiagnosis(diagnosis, event);
    } catch (err) {
      deps.logger.error({ err, eventUuid: event.uuid, user: event.login }, 'an Okta push failure could not be diagnosed');
    }
  }
  return { received: events.length, eligible: failures.length, repeated, diagnosed };
}
