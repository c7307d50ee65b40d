// The two things a person can ask about requests in a chat, besides a diagnosis: where one request stands
// (`status LD-7K3F-9QX2`) and their own requests (`my requests`). Anything else is a diagnosis query.

export type RequestCommand =
  | { readonly kind: 'status'; readonly requestId: string }
  | { readonly kind: 'my-requests' };

// Slack mentions (<@U0BOT>), Teams mentions (<at>…</at>) and markup around the words are not part of the command.
const MARKUP = /<at\b[^<>]{0,200}>[^<>]{0,200}<\/at>|<[^<>]{0,500}>/gi;
const STATUS = /^\/?status\s+(LD-[0-9A-Z]{4}-[0-9A-Z]{4})$/i;
const MINE = /^\/?my\s+requests?$/i;

/** The request command in `text`, or null when the text is something else (a diagnosis query). */
export function parseRequestCommand(text: string): RequestCommand | null {
  const plain = text.replace(MARKUP, ' ').replace(/\s+/g, ' ').trim();
  const status = STATUS.exec(plain);
  if (status?.[1]) return { kind: 'status', requestId: status[1].toUpperCase() };
  return MINE.test(plain) ? { kind: 'my-requests' } : null;
}
