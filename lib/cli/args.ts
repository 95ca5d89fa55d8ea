/** A saved page named on the command line, with the address it was saved from when given. */
export interface FileArg {
  path: string;
  url?: string;
}

export interface CommandLine {
  files: FileArg[];
  /** The value of each option given, by its name: "--format" → "csv". */
  options: Map<string, string>;
}

/** Checks an option's value: what is wrong with it, or null when it will do. */
export type OptionCheck = (value: string) => string | null;

/**
 * Reads `FILE… [--url URL] [--option VALUE]…`, the command line of the page CLIs. `--url`
 * applies to the file named just before it (or to the first file when given before any).
 * Returns the text to print instead, the usage or what is wrong, when the line cannot be run.
 */
export function parseCommandLine(argv: string[], usage: string, checks: Record<string, OptionCheck>): CommandLine | string {
  const files: FileArg[] = [];
  const options = new Map<string, string>();
  let pendingUrl: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return usage;
    // Own keys only: a file named "constructor" is a file.
    const check = Object.hasOwn(checks, arg) ? checks[arg] : undefined;
    if (arg === '--url' || check) {
      const value = argv[++i];
      if (!value) return `${arg} needs a value\n${usage}`;
      if (check) {
        const problem = check(value);
        if (problem) return problem;
        options.set(arg, value);
      } else {
        const last = files[files.length - 1];
        if (last) last.url = value;
        else pendingUrl = value;
      }
      continue;
    }
    if (arg.startsWith('--')) return `unknown option ${arg}\n${usage}`;
    files.push(pendingUrl && files.length === 0 ? { path: arg, url: pendingUrl } : { path: arg });
  }
  if (files.length === 0) return usage;
  return { files, options };
}
