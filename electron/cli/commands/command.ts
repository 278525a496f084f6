/** A `pinsight` subcommand. */
export interface CommandOutput {
  log(text: string): void;
  error(text: string): void;
  /** Progress on a terminal; no-op when stdout is not one. */
  progress(text: string): void;
  isTerminal: boolean;
}

export interface Command {
  name: string;
  summary: string;
  help: string;
  run(argv: string[], out: CommandOutput): Promise<void>;
}
