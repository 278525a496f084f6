/** Opens the engine on --workspace (or the default demo workspace) for one CLI command. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultWorkspacePath } from '../../engine/app-paths';
import { PinsightEngine } from '../../engine/pinsight-engine';
import { UsageError } from './cli-args';

export function workspacePath(option: string | undefined): string {
  return option ? resolve(option) : defaultWorkspacePath();
}

/** For reading commands: the workspace must exist already. */
export async function openExisting(option: string | undefined): Promise<PinsightEngine> {
  const path = workspacePath(option);
  if (!existsSync(path)) {
    throw new UsageError(
      option
        ? `No workspace at ${path}. Create one with \`pinsight demo --workspace ${option}\` or \`pinsight import FILES --workspace ${option}\`.`
        : `No workspace yet. Run \`pinsight demo\` first, or pass --workspace FILE.`,
    );
  }
  return PinsightEngine.open(path, { create: false });
}

export async function withEngine<T>(engine: PinsightEngine, work: (e: PinsightEngine) => Promise<T>): Promise<T> {
  try {
    return await work(engine);
  } finally {
    engine.close();
  }
}
