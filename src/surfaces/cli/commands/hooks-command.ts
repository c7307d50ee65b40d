// license-doctor hooks register [--json]: creates and verifies the Okta event hook for PUBLIC_URL/okta/events.
import { registerEventHook } from '../../../app/events/register-event-hook.ts';
import { LicenseDoctorError } from '../../../core/errors.ts';
import type { CliIo } from '../cli-io.ts';
import { EXIT } from '../exit-codes.ts';
import { withRuntime } from '../with-runtime.ts';

/** Registers the hook; the server at PUBLIC_URL must be running (Okta verifies it at once). */
export async function hooksRegisterCommand(args: { readonly json: boolean; readonly sandbox: boolean }, io: CliIo): Promise<number> {
  return withRuntime(io, { sandbox: args.sandbox }, async (runtime) => {
    const { config } = runtime;
    if (!config.publicUrl || !config.oktaEventHook) {
      throw new LicenseDoctorError('configuration', 'hooks register needs PUBLIC_URL (where Okta reaches this deployment) and OKTA_EVENT_HOOK_SECRET (the Authorization value Okta will send).');
    }
    const hooks = await runtime.fleet.eventHooks();
    const { hook, created } = await registerEventHook(hooks, { publicUrl: config.publicUrl, secret: config.oktaEventHook.secret });
    if (args.json) io.stdout.write(`${JSON.stringify({ ...hook, created })}\n`);
    else io.stdout.write(`Okta event hook ${hook.id} ${created ? 'created' : 'already there'} for ${hook.uri}: ${hook.verificationStatus.toLowerCase()}.\n`);
    return EXIT.ok;
  });
}
