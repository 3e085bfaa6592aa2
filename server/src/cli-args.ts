/** Where a command writes its lines. */
export type Out = (line: string) => void;

/** Command-line words split into positionals and --flags (`--flag value`, `--flag=value`, bare `--flag`). */
export interface CliArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

const BOOLEAN_FLAGS = new Set(['dry-run', 'full', 'force', 'json', 'help', 'strict', 'add']);

export function parseCliArgs(argv: readonly string[]): CliArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') continue;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      if (eq >= 0) flags.set(name, a.slice(eq + 1));
      else if (BOOLEAN_FLAGS.has(name) || i + 1 >= argv.length || argv[i + 1].startsWith('--'))
        flags.set(name, true);
      else flags.set(name, argv[++i]);
    } else positionals.push(a);
  }
  return { positionals, flags };
}

/** A flag's value as text, or undefined; a bare flag that needs a value is a usage error. */
export function flagText(args: CliArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  if (v === true) throw new UsageError(`--${name} needs a value`);
  return v;
}

/** A mistake in how the command was called (exit code 2, with the usage). */
export class UsageError extends Error {}
