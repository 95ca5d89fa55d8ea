import { z } from 'zod';
import { SavedClauseSchema, SavedCommitteeSchema, SavedCouncilSchema, SavedItemSchema, SavedMeetingSchema } from './schema';

/** What a backup file says it is: another app's JSON, or a file from an older guess at this format, has something else. */
export const BACKUP_FORMAT = 'council-minutes-backup';
/** The layout of the file itself; it changes only when the envelope below does, not with the database's version. */
export const BACKUP_VERSION = 1;

/** Every table of the library, each record checked against the schema the library stores it by. */
export const BackupTablesSchema = z.object({
  councils: z.array(SavedCouncilSchema),
  committees: z.array(SavedCommitteeSchema),
  meetings: z.array(SavedMeetingSchema),
  items: z.array(SavedItemSchema),
  clauses: z.array(SavedClauseSchema),
});

export const BackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  /** ISO time the backup was made. */
  exportedAt: z.string(),
  /** The library database's version (Dexie `verno`) the records were read from. */
  databaseVersion: z.number(),
  tables: BackupTablesSchema,
});

export type Backup = z.infer<typeof BackupSchema>;
export type BackupTables = z.infer<typeof BackupTablesSchema>;
export type TableName = keyof BackupTables;

/** `["tables", "clauses", 3, "text"]` → `clauses[3].text`: where the problem is, as the researcher would look for it. */
export function describePath(path: readonly PropertyKey[]): string {
  const parts = path[0] === 'tables' && path.length > 1 ? path.slice(1) : path;
  let out = '';
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out || 'the file';
}

/** A value as a sentence names it: `7`, `text "abc"`, `a list`, `empty (null)`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return value.length > 40 ? `text "${value.slice(0, 40)}…"` : `text "${value}"`;
    case 'number':
    case 'boolean':
      return String(value);
    case 'object':
      return 'a record';
    default:
      return typeof value;
  }
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a record',
  null: 'empty (null)',
};

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/** What a value should have been, in words, for the issues zod reports on it. */
function expectedWords(issues: readonly z.core.$ZodIssue[]): string[] | null {
  const words: string[] = [];
  for (const issue of issues) {
    if (issue.path.length > 0) return null;
    if (issue.code === 'invalid_value') words.push(...issue.values.map((v) => JSON.stringify(v)));
    else if (issue.code === 'invalid_type') words.push(TYPE_WORDS[issue.expected] ?? issue.expected);
    else return null;
  }
  return words;
}

function oneOf(words: string[]): string {
  const unique = [...new Set(words)];
  if (unique.length <= 1) return unique[0] ?? 'something else';
  return `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
}

/** One zod issue as a researcher reads it: "clauses[3].text is missing", "meetings[0].whole should be 0 or 1 but is 7". */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const where = describePath(issue.path);
  const value = valueAt(input, issue.path);
  // JSON has no undefined: a value that is not there is a field the file lacks.
  if (value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union')) return `${where} is missing`;
  const is = `but is ${describeValue(value)}`;
  switch (issue.code) {
    case 'invalid_type':
      return `${where} should be ${TYPE_WORDS[issue.expected] ?? issue.expected} ${is}`;
    case 'invalid_value':
      return `${where} should be ${oneOf(issue.values.map((v) => JSON.stringify(v)))} ${is}`;
    case 'invalid_union': {
      const words = issue.errors.every((branch) => expectedWords(branch) !== null) ? issue.errors.flatMap((branch) => expectedWords(branch) ?? []) : null;
      return words?.length ? `${where} should be ${oneOf(words)} ${is}` : `${where} is not valid (it is ${describeValue(value)})`;
    }
    default:
      return `${where} is not valid: ${issue.message}`;
  }
}
