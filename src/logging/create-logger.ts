// pino, with every place a secret could appear redacted (DESIGN.md: secrets never reach logs).
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/** Paths pino censors in every log line. */
const REDACTED_PATHS = [
  'token', '*.token', 'authorization', '*.authorization', 'headers.authorization', '*.headers.authorization',
  'req.headers.authorization', 'req.headers["x-slack-signature"]', '*.clientSecret', 'clientSecret', '*.privateKey',
  'privateKey', '*.password', 'password', '*.signingSecret', 'signingSecret', '*.botToken', 'botToken', '*.appToken',
  'appToken', '*.clientToken', 'clientToken', '*.databaseUrl', 'databaseUrl', '*.graphToken', '*.oktaToken',
  'auditKey', '*.auditKey', 'audit.key', '*.audit.key',
];

/** A JSON logger writing to `destination` (stderr by default, so CLI stdout stays clean for --json). */
export function createLogger(level: string, destination: DestinationStream = pino.destination(2)): Logger {
  return pino(
    { level, base: { app: 'license-doctor' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, timestamp: pino.stdTimeFunctions.isoTime },
    destination,
  );
}
