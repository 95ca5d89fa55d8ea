import { render } from 'preact';
import { downloadText } from '@/components/library/download';
import { GrantedSites } from '@/components/library/GrantedSites';
import { LibraryApp } from '@/components/library/LibraryApp';
import { LibraryDb } from '@/lib/library/db';
import { dexieLibrary } from '@/lib/library/service';
import { browserSiteAccess } from '@/lib/platform/sitePermissions';
import '@/components/styles.css';

render(
  <>
    <LibraryApp library={dexieLibrary(new LibraryDb())} download={downloadText} confirm={(q) => window.confirm(q)} />
    <GrantedSites access={browserSiteAccess} />
  </>,
  document.getElementById('app') as HTMLElement,
);
