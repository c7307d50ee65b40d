/** Time, injected so that the core and tests never read the system clock themselves. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}
