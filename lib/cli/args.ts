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

/** `--url` is the web address a page was saved from: links in the page are resolved against it
 * and it is printed in the records, so nothing but http(s) is taken (no `javascript:`, `file:`…). */
function checkPageUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `--url is the page's web address (http or https), not "${value}"`;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? null : `--url is an http or https address, not a ${url.protocol} one`;
}

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
      const problem = (check ?? checkPageUrl)(value);
      if (problem) return problem;
      if (check) options.set(arg, value);
      else {
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
