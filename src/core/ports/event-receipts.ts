/** Okta events already taken, so that a repeated delivery is processed once. Throws LicenseDoctorError (store). */
export interface EventReceipts {
  /** Records the event's uuid; true when it is new, false when it was received before. */
  recordNew(uuid: string, at: string): Promise<boolean>;
}
