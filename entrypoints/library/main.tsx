import { render } from 'preact';
import { downloadText } from '@/components/library/download';
import { LibraryApp } from '@/components/library/LibraryApp';
import { LibraryDb } from '@/lib/library/db';
import { dexieLibrary } from '@/lib/library/service';
import '@/components/styles.css';

render(
  <LibraryApp library={dexieLibrary(new LibraryDb())} download={downloadText} confirm={(q) => window.confirm(q)} />,
  document.getElementById('app') as HTMLElement,
);
