import { hostOf } from '../council';
import type { WebServiceRecord } from '../schema';
import { canonicalUrl } from '../url';

/** `mgWebService.asmx?WSDL`: the operations the council's web service offers, and whether
 * they can be called with a plain HTTP GET (what the extension uses). */
export function extractWebServiceDescription(doc: Document, href: string): WebServiceRecord {
  const url = new URL(href);
  const all = Array.from(doc.getElementsByTagName('*'));
  const operations = [
    ...new Set(
      all
        .filter((el) => el.localName === 'operation' && el.parentElement?.localName === 'portType')
        .map((el) => el.getAttribute('name') ?? '')
        .filter(Boolean),
    ),
  ];
  const httpGet = all.some((el) => el.localName === 'binding' && el.getAttribute('verb') === 'GET');
  return {
    kind: 'web-service',
    council: { host: hostOf(url), name: null },
    url: canonicalUrl(url.href),
    operations,
    httpGet,
    warnings: operations.length ? [] : ['The service description lists no operations.'],
  };
}
