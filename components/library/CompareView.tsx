import { useMemo, useState } from 'preact/hooks';
import { buildComparison, highlightShared, type Comparison } from '@/lib/compare/comparison';
import type { CompareLibrary } from '@/lib/compare/compareLibrary';
import { councilHistory, topicTimeline, type Timeline, type TimelineEntry } from '@/lib/compare/timeline';
import { topicSearch } from '@/lib/compare/topic';
import { comparisonCsv } from '@/lib/compare/comparisonCsv';
import type { ItemKey } from '@/lib/library/identity';
import { timelineCsv } from '@/lib/compare/timelineCsv';
import type { CompareGroup } from '@/lib/compare/schema';
import type { SavedItem } from '@/lib/library/schema';

/** Neighbours of a chosen item below this cosine share words but not the topic. */
const SIMILAR_ENOUGH = 0.15;

interface Props {
  /** The library as the view keeps it (useCompareLibrary); `version` counts its changes. */
  live: CompareLibrary;
  version: number;
  /** "Compare with other councils" from an item: its key. */
  startItem: ItemKey | null;
  download(filename: string, text: string): void;
}

/** Shared wording marked; every run is text, never HTML. */
function Highlighted({ text, comparison }: { text: string; comparison: Comparison }) {
  return (
    <>
      {highlightShared(text, comparison).map((run, i) => (run.shared ? <mark key={i}>{run.text}</mark> : run.text))}
    </>
  );
}

/** The element id of an item's entry in the columns, for the over-time table to link to. */
const entryId = (item: SavedItem) => `entry-${`${item.host}|${item.meetingId}|${item.itemKey}`.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** An item as the over-time views list it: a link to its entry, and what was done. */
function EntryLink({ entry }: { entry: TimelineEntry }) {
  return (
    <>
      <a href={`#${entryId(entry.item)}`}>
        {entry.item.date || 'no date'} {entry.item.number ? `${entry.item.number}. ` : ''}
        {entry.item.title}
      </a>
      {entry.outcome ? ` — ${entry.outcome}` : ''}
    </>
  );
}

/** One topic by council (rows) and year (columns); a council's name opens its items in date order. */
function OverTime({ timeline, label, download }: { timeline: Timeline; label: string; download: Props['download'] }) {
  const [host, setHost] = useState<string | null>(null);
  const row = timeline.rows.find((r) => r.host === host);
  return (
    <section class="compare-over-time" aria-label="Over time">
      <h3>Over time</h3>
      <table class="over-time">
        <thead>
          <tr>
            <th scope="col">Council</th>
            {timeline.years.map((year) => (
              <th key={year} scope="col">
                {year || 'No date'}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {timeline.rows.map((r) => (
            <tr key={r.host}>
              <th scope="row">
                <button type="button" aria-pressed={r.host === host} onClick={() => setHost(r.host === host ? null : r.host)}>
                  {r.council}
                </button>
              </th>
              {timeline.years.map((year) => (
                <td key={year}>
                  <ul>
                    {(r.byYear.get(year) ?? []).map((entry) => (
                      <li key={entryId(entry.item)}>
                        <EntryLink entry={entry} />
                      </li>
                    ))}
                  </ul>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {row && (
        <section aria-label={`${row.council} over time`}>
          <h4>{row.council}: {label}, meeting by meeting</h4>
          <ol class="council-history">
            {councilHistory(timeline, row.host).map((entry) => (
              <li key={entryId(entry.item)}>
                {entry.item.committeeName ? `${entry.item.committeeName}: ` : ''}
                <EntryLink entry={entry} />
              </li>
            ))}
          </ol>
        </section>
      )}
      <button type="button" onClick={() => download(`council-minutes-over-time-${new Date().toISOString().slice(0, 10)}.csv`, timelineCsv(label, timeline))}>
        Export over time as CSV
      </button>
    </section>
  );
}

/** A group is chosen by one of its members, so that it stays chosen as saved items join it. */
const groupChoice = (group: CompareGroup) => `group:${group.members[0]?.id ?? ''}`;

/** Items on one topic from every council, side by side: a group found for you, a topic you type, or an item's neighbours. */
export function CompareView({ live, version, startItem, download }: Props) {
  // Grouped once when the view opens; then each change of the library (a meeting saved in the
  // panel, an item deleted) is placed into the groups without grouping everything again.
  const groups = useMemo(() => live.groups.groups(), [live, version]);
  const { index } = live.groups;
  const copiesOf = (id: string) => live.groups.copiesOf(id);
  const startGroup = startItem ? groups.find((g) => g.members.some((m) => copiesOf(m.id).includes(startItem))) : undefined;
  const [choice, setChoice] = useState<string>(startGroup ? groupChoice(startGroup) : startItem ? `item:${startItem}` : groups[0] ? groupChoice(groups[0]) : '');
  const [topic, setTopic] = useState('');
  const [showProcedural, setShowProcedural] = useState(false);
  // Procedure (apologies, minutes, declarations) is never compared: counted, and listed on request.
  const procedural = useMemo(() => [...live.items.values()].filter((item) => item.procedural), [live, version]);

  let label = '';
  let ids: string[] = [];
  let chosen: CompareGroup | null = null;
  if (topic.trim()) {
    label = topic.trim();
    ids = topicSearch(index, topic, 30).flatMap((n) => copiesOf(n.doc.id));
  } else if (choice.startsWith('group:')) {
    const member = choice.slice(6);
    chosen = groups.find((g) => g.members.some((m) => m.id === member)) ?? null;
    label = chosen?.label ?? '';
    ids = chosen?.members.flatMap((m) => copiesOf(m.id)) ?? [];
  } else if (choice.startsWith('item:')) {
    const id = choice.slice(5);
    const item = live.items.get(id as ItemKey);
    label = item?.title ?? '';
    // Only neighbours that share the topic, not every item with a word in common.
    const indexed = index.get(id) ? id : ([...index.docs()].find((d) => copiesOf(d.id).includes(id))?.id ?? id);
    ids = [...copiesOf(indexed), ...index.similar(indexed, 20, SIMILAR_ENOUGH).flatMap((n) => copiesOf(n.doc.id))];
  }
  const picked = live.pick(ids);
  const comparison = buildComparison(ids, picked.items, picked.clauses);
  const councils = (members: { host: string }[]) => new Set(members.map((m) => m.host)).size;

  return (
    <section class="compare" aria-label="Compare councils">
      <h2>Compare councils</h2>
      <div class="compare-controls">
        <label>
          Topic found in your library
          <select
            value={chosen ? groupChoice(chosen) : choice}
            onChange={(e) => {
              setChoice(e.currentTarget.value);
              setTopic('');
            }}
          >
            {groups.length === 0 && <option value="">No shared topics yet: save items from two councils</option>}
            {groups.map((g) => (
              <option key={groupChoice(g)} value={groupChoice(g)}>
                {g.label} — {g.members.length} items, {councils(g.members)} council{councils(g.members) === 1 ? '' : 's'}
              </option>
            ))}
            {choice.startsWith('item:') && <option value={choice}>Similar to: {label}</option>}
          </select>
        </label>
        <label>
          Or type a topic
          <input type="search" value={topic} onInput={(e) => setTopic(e.currentTarget.value)} placeholder="e.g. home education" />
        </label>
        <button type="button" disabled={comparison.columns.length === 0} onClick={() => download(`council-minutes-comparison-${new Date().toISOString().slice(0, 10)}.csv`, comparisonCsv(label, comparison))}>
          Export comparison as CSV
        </button>
      </div>
      {procedural.length > 0 && (
        <details class="compare-procedural" open={showProcedural} onToggle={(e) => setShowProcedural(e.currentTarget.open)}>
          <summary>
            {procedural.length} procedural item{procedural.length === 1 ? '' : 's'} not compared
          </summary>
          <ul>
            {procedural.map((item) => (
              <li key={`${item.host}|${item.meetingId}|${item.itemKey}`}>
                {item.councilName ?? item.host} · {item.date || 'no date'} · {item.number ? `${item.number}. ` : ''}
                {item.title}
              </li>
            ))}
          </ul>
        </details>
      )}
      {comparison.columns.length > 0 && <OverTime key={label} timeline={topicTimeline(comparison)} label={label} download={download} />}
      {comparison.columns.length === 0 ? (
        <p>Nothing to compare for this topic.</p>
      ) : (
        <div class="compare-columns">
          {comparison.columns.map((column) => (
            <section key={column.host} class="compare-column" aria-label={column.council}>
              <h3>{column.council}</h3>
              {column.entries.map(({ item, clauses: itemClauses }) => (
                <article key={item.itemKey + item.meetingId} id={entryId(item)} class="compare-entry">
                  <h4>
                    {item.date || 'no date'} · {item.committeeName}
                  </h4>
                  <p class="compare-title">
                    {item.number ? `${item.number}. ` : ''}
                    <Highlighted text={item.title} comparison={comparison} />
                  </p>
                  {itemClauses.length > 0 ? (
                    <ol class="clause-list">
                      {itemClauses.map((c) => (
                        <li key={c.clauseIndex} class="clause">
                          <span class="clause-label">{c.label ?? '•'}</span> <Highlighted text={c.text} comparison={comparison} />{' '}
                          <span class="outcome">{c.outcome}</span>
                        </li>
                      ))}
                    </ol>
                  ) : (
                    item.notedPoints.length > 0 && (
                      <ul>
                        {item.notedPoints.map((p, i) => (
                          <li key={i}>
                            <Highlighted text={p} comparison={comparison} />
                          </li>
                        ))}
                      </ul>
                    )
                  )}
                </article>
              ))}
            </section>
          ))}
        </div>
      )}
    </section>
  );
}
