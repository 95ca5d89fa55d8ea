import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Global setup of every test project: the run's temporary files (browser profiles, pages,
 * downloads, unpacked zips) go under one folder of its own, removed when the run ends. Tests
 * call `os.tmpdir()`, which reads TMPDIR, and the workers are started after this with its
 * environment; Chromium and PostgreSQL write their own temporary files there too.
 * Open to every user as /tmp is: the team server's PostgreSQL runs as the postgres user.
 */
export default function setup(): () => void {
  const before = process.env.TMPDIR;
  const root = mkdtempSync(path.join(tmpdir(), 'council-minutes-tests-'));
  chmodSync(root, 0o1777);
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(root, { recursive: true, force: true });
  };
}
