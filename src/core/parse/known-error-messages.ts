// Microsoft's license error messages with a fixed text (reference/graph.md §0 and §2.1; CIPP's rewording;
// MSOnline's usage-location message). A wrapped paste has several readings; the one that contains one of
// these messages intact is the one that was read correctly.

/** Fixed-text Microsoft license error messages, as Microsoft (or a widely used tool) prints them. */
const KNOWN_ERROR_MESSAGES: readonly string[] = [
  'User license is inherited from a group membership and it cannot be removed directly from the user.',
  'User license is inherited from group membership and cannot be removed directly from the user.',
  'License assignment cannot be done for user with invalid usage location.',
  'Insufficient privileges to complete the operation.',
  'You must provide a required property: Parameter name: UsageLocation',
];

const LOWERED = KNOWN_ERROR_MESSAGES.map((message) => message.toLowerCase());

/** The known message that `text` contains (case-insensitively), in Microsoft's wording, or undefined. */
export function findKnownErrorMessage(text: string): string | undefined {
  const lower = text.toLowerCase();
  const index = LOWERED.findIndex((message) => lower.includes(message));
  return index < 0 ? undefined : KNOWN_ERROR_MESSAGES[index];
}
