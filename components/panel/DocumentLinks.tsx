import type { DocumentLink } from '@/lib/moderngov/schema';

/** Only http(s) links are ever rendered as links: page text is untrusted. */
export function safeHref(url: string | null): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

export function DocumentLinks({ documents }: { documents: DocumentLink[] }) {
  if (documents.length === 0) return null;
  return (
    <ul class="documents" aria-label="Documents">
      {documents.map((doc) => {
        const href = safeHref(doc.url);
        const size = doc.sizeKb ? ` (PDF ${doc.sizeKb} KB)` : '';
        return (
          <li key={`${doc.title}${doc.url}`}>
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer">
                {doc.title}
              </a>
            ) : (
              <span>
                {doc.title} ({doc.restricted ? 'restricted' : 'not a web address: link not shown'})
              </span>
            )}
            {size}
          </li>
        );
      })}
    </ul>
  );
}
