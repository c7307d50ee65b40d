/** The logging the application layer needs (pino's signature; tests pass a silent pino). */
export interface AppLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** A logger that drops everything (tests and tools that report otherwise). */
export const silentLogger: AppLogger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
