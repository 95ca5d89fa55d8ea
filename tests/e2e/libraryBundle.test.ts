import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './support/paths';

/** The chunks library.html loads before its first paint: its module script and everything they import statically (a dynamic `import()` is not followed). */
function firstBundle(dir: string): Map<string, string> {
  const html = readFileSync(path.join(dir, 'library.html'), 'utf8');
  const start = [...html.matchAll(/<script type="module"[^>]* src="\/([^"]+)"/g)].map((m) => m[1] as string);
  const loaded = new Map<string, string>();
  const visit = (file: string) => {
    if (loaded.has(file)) return;
    const code = readFileSync(path.join(dir, file), 'utf8');
    loaded.set(file, code);
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*"(\.\/[^"]+\.js)"/g)) visit(path.posix.join(path.posix.dirname(file), m[1] as string));
  };
  start.forEach(visit);
  return loaded;
}

describe("the library page's first bundle (the built extension)", () => {
  const dir = EXTENSION_DIR;
  const first = firstBundle(dir);
  const html = readFileSync(path.join(dir, 'library.html'), 'utf8');
  const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]* href="\/([^"]+)"/g)].map((m) => m[1] as string);

  it('holds what the clauses view needs, not the Compare view, the team section, citeproc, CSV or backup code: those load when first used', () => {
    const all = [...first.values()].join('\n');
    // Text each of those views prints, present in their own chunks only.
    expect(all).toContain('Saved resolution clauses');
    for (const text of ['procedural item', 'Publish to team', 'Sites you allowed', 'citation-style-language', 'noted_points', 'is not a Council Minutes backup']) {
      const chunks = readdirSync(path.join(dir, 'chunks')).filter((f) => readFileSync(path.join(dir, 'chunks', f), 'utf8').includes(text));
      expect(chunks.length, text).toBeGreaterThan(0);
      expect([...first.keys()].filter((f) => chunks.includes(path.basename(f))), text).toEqual([]);
    }
    // What is preloaded is what the first bundle imports, nothing loaded later.
    expect(preloaded.filter((f) => !first.has(f))).toEqual([]);
  });

  it('is under 300 kB (it was ~364 kB with those parts; Dexie and zod are ~190 kB of it)', () => {
    const bytes = [...first.values()].reduce((sum, code) => sum + Buffer.byteLength(code), 0);
    expect(bytes).toBeLessThan(300_000);
  });
});
