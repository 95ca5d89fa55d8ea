import { isDiskFull } from '@/lib/library/storageSpace';

/** Words a researcher can act on for a failed library operation. */
export function errorMessage(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (isDiskFull(error)) {
    return 'The disk is full: nothing was saved and the library is unchanged. Free some disk space and try again.';
  }
  // An edit to a record deleted meanwhile says so in its own words (queries.ts).
  if (name === 'NotInLibraryError') return (error as Error).message;
  const message = error instanceof Error ? error.message : String(error);
  return `Could not complete that: ${message}. The library is unchanged.`;
}
