/** The logging the application layer needs (pino's signature; tests pass a silent one). */
export interface AppLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Discards everything. */
export const silentLogger: AppLogger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
