import { describe, expect, it } from 'vitest';
import { CompareIndex } from '@/lib/compare/compareIndex';
import { groupDocs } from '@/lib/compare/group';
import type { CompareDoc } from '@/lib/compare/schema';
import { topicSearch } from '@/lib/compare/topic';
import { UnionFind } from '@/lib/compare/unionFind';

function doc(id: string, title: string, text = '', council = 'Northshire County Council', host = 'democracy.northshire.gov.uk'): CompareDoc {
  return { id, kind: 'meeting-item', host, council, committee: null, meetingDate: '2020-01-01', itemNumber: id, title, text, clauses: [], outcome: '', url: null };
}

const LIBRARIES = doc('lib', 'Library Opening Hours', 'Branch libraries will open later on Saturdays; the mobile library timetable is unchanged.');
const LIBRARIES_AGAIN = doc('lib2', 'Library Opening Hours Review', 'Opening hours at branch libraries were reviewed after the consultation.', 'Eastshire County Council', 'eastshire.moderngov.co.uk');
const GRITTING = doc('grit', 'Winter Gritting Routes', 'Priority gritting routes and salt stocks for the winter season.');
const POTHOLES = doc('pot', 'Pothole Repairs', 'Pothole repairs on priority routes after the winter frosts.');

function indexOf(...docs: CompareDoc[]): CompareIndex {
  const index = new CompareIndex();
  for (const d of docs) index.add(d);
  return index;
}

describe('CompareIndex', () => {
  it('finds the most similar docs, best first, never the doc itself', () => {
    const index = indexOf(LIBRARIES, LIBRARIES_AGAIN, GRITTING, POTHOLES);
    const found = index.similar('lib', 10);
    expect(found.map((n) => n.doc.id)).toEqual(['lib2']);
    expect(found[0]?.score).toBeGreaterThan(0);
    expect(found[0]?.score).toBeLessThanOrEqual(1);
    expect(index.similar('grit', 10).map((n) => n.doc.id)).toEqual(['pot']);
  });

  it('scores a copy 1, whatever its id and council', () => {
    const index = indexOf(LIBRARIES, { ...LIBRARIES, id: 'copy', council: 'Eastshire County Council', host: 'eastshire.moderngov.co.uk' });
    expect(index.similar('lib', 1)[0]?.score).toBeCloseTo(1, 10);
  });

  it('reads only the postings of the query’s terms', () => {
    const index = indexOf(LIBRARIES, LIBRARIES_AGAIN, GRITTING, POTHOLES);
    index.similar('gritting salt', 10);
    // "gritting" is in one doc, "salt" in one (the same): two postings, one doc reached.
    expect(index.lastQuery).toEqual({ terms: 2, postings: 2, candidates: 1 });
  });

  it('weights titles above text', () => {
    const titled = doc('t', 'Library Closures', 'Savings were discussed.');
    const mentioned = doc('m', 'Budget Savings', 'Library closures were mentioned among many savings options.');
    const index = indexOf(titled, mentioned, doc('q', 'Library Closures Consultation', 'Responses to the consultation.'));
    expect(index.similar('q', 2).map((n) => n.doc.id)).toEqual(['t', 'm']);
  });

  it('treats a text that is no doc id as a topic, ignoring words no doc has', () => {
    const index = indexOf(LIBRARIES, LIBRARIES_AGAIN, GRITTING, POTHOLES);
    expect(topicSearch(index, 'salt and gritting zzzunknown', 5).map((n) => n.doc.id)).toEqual(['grit']);
    expect(topicSearch(index, 'zzzunknown', 5)).toEqual([]);
  });

  it('ignores the place names of every council in the index', () => {
    const southampton = doc('soton', 'Southampton Library Opening', 'Southampton libraries.', 'Southampton City Council', 'www.southampton.gov.uk');
    const visit = doc('visit', 'Visit to Southampton Docks', 'Members visited Southampton docks.');
    const index = indexOf(visit);
    // Before a Southampton doc is indexed, "southampton" is an ordinary word…
    expect(topicSearch(index, 'southampton', 5).map((n) => n.doc.id)).toEqual(['visit']);
    index.add(southampton);
    // …after, it says only where, and is no reason to match.
    expect(topicSearch(index, 'southampton', 5)).toEqual([]);
    expect(index.similar('visit', 5)).toEqual([]);
    index.remove('soton');
    expect(topicSearch(index, 'southampton', 5).map((n) => n.doc.id)).toEqual(['visit']);
  });

  it('adds and removes one doc at a time; adding an id again replaces its doc', () => {
    const index = indexOf(LIBRARIES, LIBRARIES_AGAIN, GRITTING);
    expect(index.size).toBe(3);
    expect(index.remove('lib2')).toBe(true);
    expect(index.remove('lib2')).toBe(false);
    expect(index.similar('lib', 10)).toEqual([]);
    index.add(LIBRARIES_AGAIN);
    index.add({ ...GRITTING, title: 'Library Opening Hours', text: '' });
    expect(index.size).toBe(3);
    expect(index.similar('lib', 10).map((n) => n.doc.id).sort()).toEqual(['grit', 'lib2']);
    expect([...index.docs()].map((d) => d.id)).toEqual(['lib', 'lib2', 'grit']);
    expect(index.get('grit')?.title).toBe('Library Opening Hours');
  });

  it('lists each linked pair once, as querying both docs would find it, after removals and reused slots too', () => {
    const topics = [
      ['Library Opening Hours', 'branch libraries open later on saturdays and the mobile library timetable'],
      ['Winter Gritting Routes', 'priority gritting routes salt stocks and frosts on the roads'],
      ['Pothole Repairs', 'pothole repairs on priority roads after the winter frosts'],
    ];
    const docs = Array.from({ length: 24 }, (_, i) => {
      const [title, text] = topics[i % 3] as [string, string];
      return doc(`d${i}`, `${title} ${i}`, `${text} ${['review', 'budget', 'consultation', 'update'][i % 4]}`, `Council ${i}`, `c${i}.example.gov.uk`);
    });
    const index = indexOf(...docs);
    // Slots freed by removals are reused by the next adds: postings must stay in slot order.
    for (const id of ['d3', 'd10', 'd17']) index.remove(id);
    index.add({ ...(docs[10] as CompareDoc), id: 'again10' });
    index.add({ ...(docs[3] as CompareDoc), id: 'again3' });
    const ids = [...index.docs()].map((d) => d.id);
    const fromQueries = ids.flatMap((id) => index.similar(id, Number.POSITIVE_INFINITY, 0.05, Number.POSITIVE_INFINITY, 2).map((n) => `${[id, n.doc.id].sort().join(' ')} ${n.score.toFixed(9)}`));
    const fromPairs: string[] = [];
    index.pairs(0.05, Number.POSITIVE_INFINITY, 2, (a, b, score) => fromPairs.push(`${[a.id, b.id].sort().join(' ')} ${score.toFixed(9)}`));
    // Each pair is found twice by querying (once from each doc), once by `pairs`.
    expect(fromPairs.length).toBeGreaterThan(20);
    expect(new Set(fromPairs).size).toBe(fromPairs.length);
    expect([...fromPairs, ...fromPairs].sort()).toEqual(fromQueries.sort());
  });

  it('gives a term every doc has less weight than a rare one', () => {
    const index = indexOf(
      doc('a', 'Parking Charges', 'Parking charges in the town centre.'),
      doc('b', 'Parking Permits', 'Parking permits for residents.'),
      doc('c', 'Parking Enforcement', 'Parking enforcement officers.'),
    );
    const vector = index.vectorOf('a');
    expect(vector.get('park')).toBeLessThan(vector.get('charg') ?? 0);
    expect([...vector.values()].reduce((sum, w) => sum + w * w, 0)).toBeCloseTo(1, 10);
  });
});

describe('groupDocs', () => {
  it('groups the same council’s docs as well as different councils’', () => {
    const index = indexOf(LIBRARIES, LIBRARIES_AGAIN, { ...LIBRARIES, id: 'lib3', title: 'Library Opening Hours Consultation' }, GRITTING);
    const groups = groupDocs(index);
    expect(groups.map((g) => g.members.map((m) => m.id).sort())).toEqual([['lib', 'lib2', 'lib3']]);
    expect(groups[0]?.label).toBe('library opening hours');
  });

  it('leaves a doc linked to none out of every group', () => {
    expect(groupDocs(indexOf(LIBRARIES, GRITTING))).toEqual([]);
  });
});

describe('UnionFind', () => {
  it('joins chains: a with b and b with c puts a with c', () => {
    const sets = new UnionFind();
    sets.union('a', 'b');
    sets.union('c', 'b');
    sets.union('d', 'e');
    expect(sets.find('a')).toBe(sets.find('c'));
    expect(sets.find('a')).not.toBe(sets.find('d'));
    expect(sets.find('z')).toBe('z');
  });
});
