// Where an unexpected error ends in a chat flow: logged once with a correlation id, and the person is shown that id
// (never the error's own text, which may name internals) so that whoever runs License Doctor finds the log line.
import { randomBytes } from 'node:crypto';
import type { AppLogger } from '../../app/app-logger.ts';

/** A short id to quote, e.g. "E-3F9A1C7B". */
function correlationId(): string {
  return `E-${randomBytes(4).toString('hex').toUpperCase()}`;
}

/** Logs `err` with a new correlation id and `context`; returns the sentence for the person. */
export function reportUnexpected(logger: AppLogger, err: unknown, context: Readonly<Record<string, unknown>>): string {
  const id = correlationId();
  logger.error({ err, correlationId: id, ...context }, 'unexpected error in a chat flow');
  return `Something went wrong on License Doctor's side (reference ${id}). Try again; if it keeps failing, give this reference to whoever runs License Doctor.`;
}
