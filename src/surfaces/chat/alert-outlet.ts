// Alerts on any chat platform (chat-platform.ts): an alert outlet (app/alerts) that posts the alert card at the
// platform's alerts place and replaces it in place; the alert service keeps where it went and re-renders until the
// card shows the latest state.
import type { AlertOutlet } from '../../app/alerts/alert-outlets.ts';
import type { ChatPlatform } from './chat-platform.ts';

/** The outlet posting to `place()` (null: nowhere yet, e.g. a Teams channel not captured). */
export function chatAlertOutlet<Place, Ref>(platform: ChatPlatform<Place, Ref>, place: () => Promise<Place | null>): AlertOutlet {
  return {
    surface: platform.surface,
    post: async (view) => {
      const at = await place();
      if (!at) return null;
      return { ...(await platform.post(at, { kind: 'alert', view }) as Record<string, unknown>) };
    },
    update: async (stored, view) => {
      const ref = platform.parseRef(stored);
      if (ref) await platform.update(ref, { kind: 'alert', view });
    },
    postScan: async (view) => {
      const at = await place();
      if (!at) return false;
      await platform.post(at, { kind: 'scan', view });
      return true;
    },
  };
}
