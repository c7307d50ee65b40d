// The message for an event the request's current status does not allow.
import type { RequestStatus } from '../model/request.ts';
import type { SystemEvent } from './request-event.ts';

/** "Only an approved request can start running; this one is executing." */
export function notNowMessage(kind: SystemEvent['kind'], status: RequestStatus): string {
  switch (kind) {
    case 'expire':
      return `Only a pending request can expire; this one is ${status}.`;
    case 'start-execution':
      return `Only an approved request can start running; this one is ${status}.`;
    case 'step':
      return `Step progress is recorded only while the change runs; this request is ${status}.`;
    case 'finish':
      return `Only a running change, or one waiting for manual steps, can finish; this request is ${status}.`;
    case 'resume':
      return `Only a request waiting for manual steps can resume; this one is ${status}.`;
  }
}
