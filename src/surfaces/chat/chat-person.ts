// Who clicked or typed, as a chat surface knows them.
import type { Surface } from '../../core/model/request.ts';

export interface ChatPerson {
  readonly surface: Surface;
  /** Slack user id (U...), Teams user MRI (29:...), or the demo persona id. */
  readonly surfaceUserId: string;
  /** What identifies them in Entra ID: their email (Slack `users.info`), or their Entra object id (Teams `aadObjectId`). */
  readonly entraIdentity: string;
  readonly displayName: string | null;
}
