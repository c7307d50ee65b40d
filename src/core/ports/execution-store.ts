import type { JournalEntry, LeaseFence } from '../model/journal.ts';
import type { Leases } from './leases.ts';

/**
 * What an execution keeps in the store: its leases (the request's and its target's) and the journal of its steps.
 * Implemented by the Kysely store on SQLite and PostgreSQL (test/contracts/leases.contract.ts, journal.contract.ts).
 */
export interface ExecutionStore extends Leases {
  /** Appends a journal row (status `started`) or finishes one (same requestId, stepId and attempt); with `fence` (the
   *  request's lease), only while that lease holds (false otherwise, nothing written). */
  writeJournal(entry: JournalEntry, fence?: LeaseFence): Promise<boolean>;
  /** Every journal row of a request, in order. */
  journal(requestId: string): Promise<JournalEntry[]>;
}
