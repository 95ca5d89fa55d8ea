import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { docsFromPage } from '@/lib/compare/adapters';
import { CompareIndex } from '@/lib/compare/compareIndex';
import { groupDocs } from '@/lib/compare/group';
import type { CompareDoc } from '@/lib/compare/schema';
import { extractDocument } from '@/lib/moderngov/extractDocument';
import type { Extraction, Item } from '@/lib/moderngov/schema';
import { loadDocument, ownFixturesDir } from './pages';

/** The labelled evaluation set: pages as researchers save them, each item's topic read by a person. */
export const topicsDir = path.join(ownFixturesDir, 'topics');

export const TopicLabelSchema = z.object({
  file: z.string(),
  url: z.string(),
  itemNumber: z.string().nullable(),
  title: z.string(),
  council: z.string(),
  /** null: procedure (apologies, minutes…), which is no topic. */
  topic: z.string().nullable(),
  split: z.enum(['tune', 'test']),
});
export type TopicLabel = z.infer<typeof TopicLabelSchema>;

export interface LabelledUnit {
  label: TopicLabel;
  /** The unit compared; null when the reader marked the item procedural (so it is never compared). */
  doc: CompareDoc | null;
  /** The extracted item the label names, or null when the page has none that matches. */
  item: Item | null;
}

export function readLabels(): TopicLabel[] {
  const file = path.join(topicsDir, 'labels.json');
  if (!existsSync(file)) return [];
  return z.array(TopicLabelSchema).parse(JSON.parse(readFileSync(file, 'utf8')));
}

const flat = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** The item of a page a label names: by number on a meeting page (else by title), the page's own item otherwise. */
function itemOf(extraction: Extraction, label: TopicLabel): Item | null {
  if (extraction.kind === 'meeting') {
    const byNumber = extraction.items.filter((item) => label.itemNumber !== null && item.number === label.itemNumber);
    if (byNumber.length === 1) return byNumber[0] as Item;
    return extraction.items.find((item) => flat(item.title) === flat(label.title)) ?? byNumber[0] ?? null;
  }
  if (extraction.kind === 'item' || extraction.kind === 'decision') return extraction.item;
  return null;
}

/** Every label with the unit the extension compares for it, each page read once. */
export function labelledUnits(labels: TopicLabel[]): LabelledUnit[] {
  const pages = new Map<string, Extraction>();
  return labels.map((label) => {
    let extraction = pages.get(label.file);
    if (!extraction) {
      extraction = extractDocument(loadDocument(path.join(topicsDir, label.file)), label.url);
      pages.set(label.file, extraction);
    }
    const item = itemOf(extraction, label);
    if (!item) return { label, item, doc: extraction.kind === 'issue' ? (docsFromPage(extraction)[0] ?? null) : null };
    // The page with the labelled item alone, as the compare adapters read it.
    const alone: Extraction = extraction.kind === 'meeting' ? { ...extraction, items: [item] } : extraction;
    const doc = docsFromPage(alone)[0] ?? null;
    return { label, item, doc: doc && { ...doc, id: `${label.file}|${label.itemNumber ?? ''}|${label.title}` } };
  });
}

export interface PairScores {
  /** Same-group pairs that share a labelled topic, over all same-group pairs. */
  precision: number;
  /** Same-topic pairs put in one group, over all same-topic pairs. */
  recall: number;
  predictedPairs: number;
  truePairs: number;
  correctPairs: number;
  /** Labelled-procedural units found in a group. */
  proceduralGrouped: number;
  groups: { label: string; members: { title: string; council: string; topic: string | null }[] }[];
}

/** Groups the units and scores every pair of them against the labels. */
export function scoreGrouping(units: LabelledUnit[], threshold?: number): PairScores {
  const index = new CompareIndex();
  const byId = new Map<string, LabelledUnit>();
  for (const unit of units) {
    if (!unit.doc) continue;
    index.add(unit.doc);
    byId.set(unit.doc.id, unit);
  }
  const groups = groupDocs(index, threshold);
  const groupOf = new Map<string, number>();
  groups.forEach((group, g) => group.members.forEach((member) => groupOf.set(member.id, g)));
  let predictedPairs = 0;
  let truePairs = 0;
  let correctPairs = 0;
  for (let i = 0; i < units.length; i++) {
    for (let j = i + 1; j < units.length; j++) {
      const a = units[i] as LabelledUnit;
      const b = units[j] as LabelledUnit;
      const same = a.label.topic !== null && a.label.topic === b.label.topic;
      const ga = a.doc ? groupOf.get(a.doc.id) : undefined;
      const together = ga !== undefined && b.doc !== null && ga === groupOf.get(b.doc.id);
      if (same) truePairs++;
      if (together) predictedPairs++;
      if (same && together) correctPairs++;
    }
  }
  const proceduralGrouped = units.filter((u) => u.label.topic === null && u.doc && groupOf.has(u.doc.id)).length;
  return {
    precision: predictedPairs ? correctPairs / predictedPairs : 1,
    recall: truePairs ? correctPairs / truePairs : 1,
    predictedPairs,
    truePairs,
    correctPairs,
    proceduralGrouped,
    groups: groups.map((group) => ({
      label: group.label,
      members: group.members.map((m) => {
        const unit = byId.get(m.id) as LabelledUnit;
        return { title: m.title, council: unit.label.council, topic: unit.label.topic };
      }),
    })),
  };
}
