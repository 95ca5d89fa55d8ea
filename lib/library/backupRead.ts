import type { z } from 'zod';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupSchema, BackupTablesSchema, type BackupTables, type TableName, describeIssue, describeValue } from './backupSchema';

/**
 * The backup file read as a stream, a batch of records at a time, each record checked by its
 * table's schema. Any JSON of the backup's layout is read (whitespace anywhere, the envelope's
 * keys in any order), not only the bytes backupStream.ts writes: a small scanner finds each
 * record's text inside the table arrays (depth, strings, escapes) and `JSON.parse`s that record
 * alone, so at most a batch of records and a chunk of text are held, whatever the file's size.
 */

export const NOT_A_BACKUP = 'This file is not a Council Minutes backup';
export const DAMAGED = 'The backup is damaged';
const CUT_SHORT = `${DAMAGED}: the file is incomplete or its JSON is broken (it may have been cut short while copying). Nothing was restored.`;

/** Records yielded at a time. */
export const READ_BATCH = 2_000;
/** The envelope's values and a file's top value when not an object are short; anything longer is not ours. */
const SHORT = 64 * 1024;

/** A record of the backup with its table, as the table's schema reads it. */
export type CheckedRecord = { [K in TableName]: [K, BackupTables[K][number]] }[TableName];

const TABLES = Object.keys(BackupTablesSchema.shape) as TableName[];
const EnvelopeSchema = BackupSchema.omit({ tables: true });
const ENVELOPE_KEYS = new Set(Object.keys(EnvelopeSchema.shape));

/** The file cannot be read to its end (it was moved, changed or removed since it was picked). */
export class UnreadableFile extends Error {
  override name = 'UnreadableFile';
}

/** The JSON stops making sense here (or the file ends inside it). */
class BrokenJson extends Error {}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** The file's text a chunk at a time, decoded as a stream (a character split across chunks survives). */
class TextSource {
  private text = '';
  private pos = 0;
  private ended = false;
  private readonly decoder = new TextDecoder();
  constructor(private readonly reader: ReadableStreamDefaultReader<Uint8Array>) {}

  /** The next chunk, once the text held is used up; false at the end of the file. */
  private async more(): Promise<boolean> {
    if (this.ended) return false;
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await this.reader.read();
    } catch (error) {
      throw new UnreadableFile(`the file could not be read to its end (${error instanceof Error ? error.message : String(error)})`, { cause: error });
    }
    this.ended = next.done;
    this.text = next.done ? this.decoder.decode() : this.decoder.decode(next.value, { stream: true });
    this.pos = 0;
    return this.text.length > 0 || !next.done;
  }

  /** The next character after any whitespace, not consumed; '' at the end of the file. */
  async peek(): Promise<string> {
    for (;;) {
      const { text } = this;
      let i = this.pos;
      while (i < text.length && isSpace(text.charCodeAt(i))) i += 1;
      this.pos = i;
      if (i < text.length) return text.charAt(i);
      if (!(await this.more())) return '';
    }
  }

  /** Consumes the character `peek` returned, which must be `char`. */
  async expect(char: string): Promise<void> {
    if ((await this.peek()) !== char) throw new BrokenJson();
    this.pos += 1;
  }

  /**
   * Reads past one JSON value starting at `peek`: returns its text when `keep` (null when longer
   * than `cap`). It follows depth, strings and escapes, not the grammar inside: JSON.parse checks
   * the text kept.
   */
  async value(keep: boolean, cap = Infinity): Promise<string | null> {
    if ((await this.peek()) === '') throw new BrokenJson();
    const first = this.text.charCodeAt(this.pos);
    const literal = first !== OPEN_BRACE && first !== OPEN_BRACKET && first !== QUOTE;
    let depth = 0;
    let inString = false;
    let escape = false;
    let scanned = 0;
    let kept = keep;
    const pieces: string[] = [];
    for (;;) {
      const { text } = this;
      const start = this.pos;
      const length = text.length;
      let i = start;
      let end = -1;
      if (literal) {
        while (i < length) {
          const c = text.charCodeAt(i);
          if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isSpace(c)) {
            end = i;
            break;
          }
          i += 1;
        }
      } else {
        // The next backslash of the chunk, found once and again only when passed: strings are skipped with indexOf.
        let backslash = text.indexOf('\\', i);
        while (i < length) {
          if (inString) {
            if (escape) {
              escape = false;
              i += 1;
              continue;
            }
            if (backslash !== -1 && backslash < i) backslash = text.indexOf('\\', i);
            const quote = text.indexOf('"', i);
            if (backslash !== -1 && (quote === -1 || backslash < quote)) {
              escape = true;
              i = backslash + 1;
              continue;
            }
            if (quote === -1) {
              i = length;
              break;
            }
            inString = false;
            i = quote + 1;
            if (depth === 0) {
              end = i;
              break;
            }
            continue;
          }
          const c = text.charCodeAt(i);
          i += 1;
          if (c === QUOTE) inString = true;
          else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth += 1;
          else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
            depth -= 1;
            if (depth === 0) {
              end = i;
              break;
            }
          }
        }
      }
      const stop = end === -1 ? length : end;
      scanned += stop - start;
      if (kept && scanned > cap) {
        kept = false;
        pieces.length = 0;
      }
      if (kept) pieces.push(text.slice(start, stop));
      this.pos = stop;
      if (end !== -1) return kept ? pieces.join('') : null;
      if (!(await this.more())) {
        // A number or literal may end the file; anything else open there was cut short.
        if (literal && scanned > 0) return kept ? pieces.join('') : null;
        throw new BrokenJson();
      }
    }
  }
}

function parse(text: string | null): unknown {
  if (text === null) throw new BrokenJson();
  try {
    return JSON.parse(text);
  } catch {
    throw new BrokenJson();
  }
}

/** What reading found wrong: the first problem in words and how many there were. */
class Problems {
  first: string | null = null;
  count = 0;
  add(words: string): void {
    this.first ??= words;
    this.count += 1;
  }
  /** The zod issues of the value found at `at`, named as the researcher looks for it ("clauses[3].text"). */
  addIssues(issues: readonly z.core.$ZodIssue[], at: PropertyKey[], value: unknown): void {
    // Only the first is said: the others are counted, not described (a file of a million bad records).
    const [first] = issues;
    if (this.first === null && first) {
      // The value at its place in a skeleton of the file, where describeIssue looks for it.
      const root = at.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
      this.first = describeIssue({ ...first, path: [...at, ...first.path] }, root);
    }
    this.count += issues.length;
  }
}

/** A value where an object or a list should be, kept when short: a long one is named by its kind (an empty one stands for it). */
async function shortValue(src: TextSource, first: string): Promise<unknown> {
  const text = await src.value(true, SHORT);
  if (text !== null) return parse(text);
  if (first === '[') return [];
  if (first === '{') return {};
  throw new BrokenJson();
}

/** The keys of the object at `peek`, each yielded with the text at its value: read the value before asking for the next key. */
async function* keys(src: TextSource): AsyncGenerator<string> {
  await src.expect('{');
  if ((await src.peek()) === '}') return src.expect('}');
  for (;;) {
    if ((await src.peek()) !== '"') throw new BrokenJson();
    const key = parse(await src.value(true, SHORT));
    await src.expect(':');
    yield key as string;
    if ((await src.peek()) !== ',') return src.expect('}');
    await src.expect(',');
  }
}

/**
 * The backup's records, checked, in batches of about `batchRecords`. Throws, at the end of the file
 * or as soon as it knows, an Error whose message says in the researcher's words why the file cannot
 * be restored; once a record fails its check no more batches come (the rest is still read, to count
 * the problems). A failure to read the file is an `UnreadableFile`.
 */
export async function* readBackupRecords(stream: ReadableStream<Uint8Array>, batchRecords = READ_BATCH): AsyncGenerator<CheckedRecord[]> {
  const reader = stream.getReader();
  const src = new TextSource(reader);
  const envelope: Record<string, unknown> = {};
  const problems = new Problems();
  let tablesSeen = false;
  let batch: CheckedRecord[] = [];

  async function* table(name: TableName): AsyncGenerator<CheckedRecord[]> {
    const first = await src.peek();
    if (first !== '[') {
      const value = await shortValue(src, first);
      const checked = BackupTablesSchema.shape[name].safeParse(value);
      if (!checked.success) problems.addIssues(checked.error.issues, [name], value);
      return;
    }
    await src.expect('[');
    const schema = BackupTablesSchema.shape[name].element;
    if ((await src.peek()) === ']') return src.expect(']');
    for (let index = 0; ; index += 1) {
      const record = parse(await src.value(true));
      const checked = schema.safeParse(record);
      if (!checked.success) problems.addIssues(checked.error.issues, [name, index], record);
      else if (problems.count === 0) {
        batch.push([name, checked.data] as CheckedRecord);
        if (batch.length >= batchRecords) {
          yield batch;
          batch = [];
        }
      }
      if ((await src.peek()) === ',') await src.expect(',');
      else return src.expect(']');
    }
  }

  async function* tables(): AsyncGenerator<CheckedRecord[]> {
    tablesSeen = true;
    const first = await src.peek();
    if (first !== '{') {
      const value = await shortValue(src, first);
      const checked = BackupSchema.shape.tables.safeParse(value);
      if (!checked.success) problems.addIssues(checked.error.issues, ['tables'], value);
      return;
    }
    const seen = new Set<string>();
    for await (const name of keys(src)) {
      if ((TABLES as string[]).includes(name)) {
        seen.add(name);
        yield* table(name as TableName);
      } else {
        problems.add(`tables.${name} is not a table of the library (it has ${TABLES.join(', ')})`);
        await src.value(false);
      }
    }
    for (const name of TABLES) if (!seen.has(name)) problems.add(`${name} is missing`);
  }

  try {
    const first = await src.peek();
    if (first === '') throw new Error(`${NOT_A_BACKUP}: it is empty.`);
    if (first !== '{') {
      const value = await shortValue(src, first);
      if ((await src.peek()) !== '') throw new BrokenJson();
      throw new Error(`${NOT_A_BACKUP} (it holds ${describeValue(value)}, not a backup).`);
    }
    // The envelope's keys, in any order; `tables` streamed, every other key skipped.
    for await (const key of keys(src)) {
      if (key === 'tables') yield* tables();
      else if (ENVELOPE_KEYS.has(key)) {
        envelope[key] = parse(await src.value(true, SHORT));
        checkKnown(envelope);
      } else await src.value(false);
    }
    if ((await src.peek()) !== '') throw new BrokenJson();
    if (batch.length > 0 && problems.count === 0) yield batch;
  } catch (error) {
    if (!(error instanceof BrokenJson)) throw error;
    // A file that has shown it is a backup and then breaks was cut short (or edited by hand).
    if (envelope.format === BACKUP_FORMAT || tablesSeen) throw new Error(CUT_SHORT);
    throw new Error(`${NOT_A_BACKUP}: it is not JSON.`);
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  if (envelope.format === undefined) throw new Error(`${NOT_A_BACKUP} (format is missing).`);
  const checked = EnvelopeSchema.safeParse(envelope);
  const envelopeProblems = new Problems();
  if (!checked.success) envelopeProblems.addIssues(checked.error.issues, [], envelope);
  if (!tablesSeen) envelopeProblems.add('tables is missing');
  const count = envelopeProblems.count + problems.count;
  if (count > 0) {
    const more = count > 1 ? ` (and ${count - 1} more problem${count > 2 ? 's' : ''})` : '';
    throw new Error(`${DAMAGED}: ${envelopeProblems.first ?? problems.first}${more}. Nothing was restored.`);
  }
}

/** Stops at once on another app's format or a newer backup: the rest of the file need not be read. */
function checkKnown(envelope: Record<string, unknown>): void {
  const { format, version } = envelope;
  if (format !== undefined && format !== BACKUP_FORMAT) throw new Error(`${NOT_A_BACKUP} (its format is ${describeValue(format)}, not "${BACKUP_FORMAT}").`);
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    throw new Error(
      `This backup was made by a newer Council Minutes (backup version ${version}; this one reads version ${BACKUP_VERSION}). Update the extension to restore it.`,
    );
  }
}
