/**
 * One citable thing — a saved item or one resolution clause of it — in the terms every citation
 * format needs. `fromSaved.ts` and `fromPage.ts` build it; `csl.ts`, `ris.ts` and `bibtex.ts` write it.
 */
export interface Reference {
  /** The council as printed on its pages; null when the page did not name it. */
  council: string | null;
  host: string;
  /** '' when unknown. */
  committee: string;
  /** ISO date of the meeting (or decision), '' when unknown. */
  date: string;
  /** The page heading: "Agenda and minutes", "Agenda", "Decision"… ('' when unknown). */
  pageTitle: string;
  itemNumber: string | null;
  itemTitle: string;
  /** The clause when this cites one clause of the item; null for the item as a whole. */
  clause: { label: string | null; index: number } | null;
  /** The clause's text, or the item's agenda text (its minutes when it has none). */
  abstract: string;
  /** The page the record was read from. */
  url: string;
  /** ISO date (or date and time) the page was read; '' when unknown. */
  accessed: string;
  tags: string[];
  note: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** [year, month, day] of an ISO date ("2016-11-03"), or of a timestamp on the user's own
 * calendar (saved at 00:30 in London in June is that day, not the day before in UTC); or null. */
export function dateParts(iso: string): [number, number, number] | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(iso);
  if (!match) return null;
  if (match[4]) {
    const when = new Date(iso);
    if (!Number.isNaN(when.getTime())) return [when.getFullYear(), when.getMonth() + 1, when.getDate()];
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? [year, month, day] : null;
}

/** "3 November 2016": dates written as UK councils write them, whatever the style. */
function longDate(iso: string): string {
  const parts = dateParts(iso);
  return parts ? `${parts[2]} ${MONTHS[parts[1] - 1]} ${parts[0]}` : '';
}

/** The clause's label as a reference names it: "(i)" stays, a trailing full stop goes ("1." → "1"). */
export function clauseName(clause: NonNullable<Reference['clause']>): string {
  const label = clause.label?.trim().replace(/\.$/, '');
  // Unnumbered clauses (bullets, lone paragraphs) are counted in page order.
  return label || String(clause.index + 1);
}

/** "Item 5: Child Sexual Exploitation in Southampton - Update, resolution (i)". */
export function referenceTitle(ref: Reference): string {
  const title = ref.itemTitle.trim() || 'Untitled item';
  const item = ref.itemNumber ? `Item ${ref.itemNumber}: ${title}` : title;
  return ref.clause ? `${item}, resolution ${clauseName(ref.clause)}` : item;
}

/** What kind of record the page is, from its heading, English or Welsh (whose words mutate:
 * "Rhaglen a chofnodion"). */
function recordKind(pageTitle: string): string {
  if (/minutes|(c|ch|g|ngh)ofnodion/i.test(pageTitle)) return 'Minutes';
  if (/decisions|(p|b|ph|mh)enderfyniadau/i.test(pageTitle)) return 'Decisions';
  if (/decision|(p|b|ph|mh)enderfyniad/i.test(pageTitle)) return 'Decision';
  if (/agenda|rh?aglen/i.test(pageTitle)) return 'Agenda';
  return 'Meeting';
}

/** The container — committee and meeting: "Minutes of the Children and Families Scrutiny Panel, 3 November 2016". */
export function containerTitle(ref: Reference): string {
  const kind = recordKind(ref.pageTitle);
  const date = longDate(ref.date);
  const body = ref.committee.trim() ? `${kind} of the ${ref.committee.trim()}` : date ? `${kind} of the meeting` : kind;
  return date ? `${body}, ${date}` : body;
}

// Words that name the kind of council, not which one: left out of citation keys.
const GENERIC = new Set(['the', 'of', 'and', 'council', 'city', 'county', 'borough', 'district', 'metropolitan', 'royal', 'london', 'cyngor', 'sir', 'dinas', 'bwrdeistref', 'democracy', 'moderngov', 'mgov', 'www', 'gov', 'uk', 'org', 'committees']);

function keyPart(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** "southampton2016-5-i": council, year, item number, clause label; ASCII letters, digits and hyphens only. */
function baseKey(ref: Reference): string {
  const words = (ref.council ?? ref.host.replace(/\./g, ' ')).split(/\s+/).map(keyPart).filter((w) => w && !GENERIC.has(w));
  const council = words.slice(0, 2).join('').slice(0, 24) || 'council';
  const year = dateParts(ref.date)?.[0] ?? 'nd';
  const item = keyPart(ref.itemNumber ?? '') || keyPart(ref.itemTitle.split(/\s+/).slice(0, 3).join(' ')) || 'item';
  const clause = ref.clause ? `-${keyPart(clauseName(ref.clause)) || ref.clause.index + 1}` : '';
  return `${council}${year}-${item}${clause}`;
}

/** One citation key per reference, unique within the list: a second "southampton2016-5" becomes "southampton2016-5b". */
export function citationKeys(refs: Reference[]): string[] {
  const taken = new Set<string>();
  return refs.map((ref) => {
    const base = baseKey(ref);
    let key = base;
    for (let n = 1; taken.has(key); n++) key = `${base}${n < 26 ? String.fromCharCode(97 + n) : `-${n}`}`;
    taken.add(key);
    return key;
  });
}
