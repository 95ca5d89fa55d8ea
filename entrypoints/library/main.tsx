import { render } from 'preact';
import { downloadText } from '@/components/library/download';
import { LibraryWithTeam } from '@/components/team/LibraryWithTeam';
import { LibraryDb } from '@/lib/library/db';
import { dexieLibrary } from '@/lib/library/service';
import '@/components/styles.css';

const db = new LibraryDb();
// Opened now, while the page renders its frame, not at the first read (an effect, after the first paint); a failure is said by every read.
db.open().catch(() => undefined);
render(
  // The team section and the sites allowed are a chunk of their own, loaded once the first rows show.
  <LibraryWithTeam library={dexieLibrary(db)} foot={() => import('./foot').then((m) => m.pageFoot(db))} download={downloadText} confirm={(q) => window.confirm(q)} />,
  document.getElementById('app') as HTMLElement,
);
