// The Teams SDK's logger interface over pino, so the SDK's messages (JWT refusals, send failures) land in the same
// structured log as everything else, at the same levels.
import type { AppOptions, IPlugin } from '@microsoft/teams.apps';
import type { Logger } from '../../logging/create-logger.ts';

type SdkLogger = NonNullable<AppOptions<IPlugin>['logger']>;
type Level = 'error' | 'warn' | 'info' | 'debug' | 'trace';

function entry(parts: readonly unknown[]): { fields: Record<string, unknown>; message: string } {
  const words: string[] = [];
  const data: unknown[] = [];
  let err: unknown;
  for (const part of parts) {
    if (typeof part === 'string') words.push(part);
    else if (part instanceof Error) err = part;
    else data.push(part);
  }
  const fields: Record<string, unknown> = {};
  if (err !== undefined) fields.err = err;
  if (data.length > 0) fields.data = data.length === 1 ? data[0] : data;
  return { fields, message: words.join(' ') };
}

/**
 * An SDK logger named `name` writing to `logger`. The SDK asks for a child logger per activity and logs each at debug
 * level: the pino child is made on the first message written, and messages below the level cost nothing.
 */
export function teamsLogger(logger: Logger, name = 'teams-sdk'): SdkLogger {
  let child: Logger | null = null;
  const write = (level: Level, parts: readonly unknown[]) => {
    if (!logger.isLevelEnabled(level)) return;
    const log = (child ??= logger.child({ component: name }));
    const { fields, message } = entry(parts);
    log[level](fields, message);
  };
  return {
    error: (...msg: unknown[]) => write('error', msg),
    warn: (...msg: unknown[]) => write('warn', msg),
    info: (...msg: unknown[]) => write('info', msg),
    debug: (...msg: unknown[]) => write('debug', msg),
    trace: (...msg: unknown[]) => write('trace', msg),
    log: (level: Level, ...msg: unknown[]) => write(level, msg),
    child: (child: string) => teamsLogger(logger, `${name}/${child}`),
  };
}
