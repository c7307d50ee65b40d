// What a CLI command may touch: its output streams, its environment, and the runtime factory (injected by the
// command line's composition root, src/cli.ts, so that commands run in tests too and surfaces never import main.ts).
import type { Config } from '../../config/config.ts';
import type { Runtime, RuntimeOptions } from '../../runtime.ts';

export interface CliIo {
  readonly stdout: { write(s: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(s: string): unknown; readonly isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Builds the runtime for a configuration (main.ts's createRuntime). */
  readonly createRuntime: (config: Config, options: RuntimeOptions) => Promise<Runtime>;
}
