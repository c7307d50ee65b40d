// What a CLI command may touch: its output streams, its environment, and the runtime factory (injected by the
// command line's composition root, src/cli.ts, so that commands run in tests too and surfaces never import main.ts).
import type { Config } from '../../config/config.ts';
import type { CliIdentity } from '../../core/model/request.ts';
import type { Runtime, RuntimeOptions } from '../../runtime.ts';

/** How `--login` signs the operator in: the Azure CLI's session or a device code. */
export type SignInMethod = NonNullable<CliIdentity['signIn']>;

/** Signs the operator in (adapters/identity, injected by src/cli.ts); resolves with the UPN Entra ID issued the token to. */
export type SignInOperator = (
  method: SignInMethod,
  options: { readonly tenantId: string | null; readonly prompt: (message: string) => void },
) => Promise<{ upn: string; signIn: SignInMethod }>;

export interface CliIo {
  readonly stdout: { write(s: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(s: string): unknown; readonly isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Builds the runtime for a configuration (main.ts's createRuntime). */
  readonly createRuntime: (config: Config, options: RuntimeOptions) => Promise<Runtime>;
  /** `--login`: signs the operator in (absent where sign-in is not offered, e.g. tests that never use it). */
  readonly signIn?: SignInOperator;
}
