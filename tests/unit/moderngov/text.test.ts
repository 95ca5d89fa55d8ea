import { describe, expect, it } from 'vitest';
import { inlineText, inlineTextWithout, paragraphReader, paragraphsOf } from '@/lib/moderngov/text';
import { htmlDocument } from '../../support/pages';

function body(html: string): HTMLElement {
  return htmlDocument(`<!DOCTYPE html><html><body>${html}</body></html>`).body;
}

describe('inlineText', () => {
  it('leaves out scripts, styles and mgHide text, and reads a line break as a space', () => {
    const el = body('<p>Agenda <span class="mgHide">hidden ref</span>item<script>alert(1)</script> five<br>and <b>six<style>b{}</style></b></p>');
    expect(inlineText(el)).toBe('Agenda item five and six');
  });

  it('reads text alone and text in plain inline markup the same way', () => {
    expect(inlineText(body('<p>Children   and&nbsp;Families</p>'))).toBe('Children and Families');
    expect(inlineText(body('<p><span>Children</span> <i>and</i>&nbsp;<b><span>Families</span></b></p>'))).toBe('Children and Families');
  });

  it('finds a hidden span at the bottom of a chain of wrappers', () => {
    let html = 'Minutes <span class="mgHide">(AI 5)</span>text';
    for (let i = 0; i < 300; i++) html = `<span>${html}</span>`;
    expect(inlineText(body(`<p>${html}</p>`))).toBe('Minutes text');
  });
});

describe('inlineTextWithout', () => {
  it('leaves out the size of a document link wherever it is', () => {
    const link = body('<a href="a.pdf"><b>Budget report</b> <span class="mgFileSize"><img src="mgimages/logo-pdf-1.gif" alt="pdf icon"> PDF 62 KB</span> (final)</a>');
    expect(inlineTextWithout(link, '.mgFileSize')).toBe('Budget report (final)');
    expect(inlineTextWithout(body('<a><span><span>Title <span class="mgFileSize">PDF 1 MB</span></span></span></a>'), '.mgFileSize')).toBe('Title');
  });
});

describe('paragraphsOf', () => {
  it('splits at blocks and line breaks, marks list items as bullets, and leaves out hidden text', () => {
    const el = body(
      '<div><p class="MsoNormal"><span>The Panel <b>noted</b> the following:</span></p>' +
        '<ul><li>cost of <i>fuel</i></li><li>rural<br>routes</li></ul>' +
        '<p>&middot;&nbsp; a Word bullet</p>' +
        '<p>Before <span class="mgHide">x</span><span>a <div>block inside</div> after</span></p>' +
        '<p>   </p></div>',
    );
    expect(paragraphsOf(el)).toEqual([
      { text: 'The Panel noted the following:', bullet: false },
      { text: 'cost of fuel', bullet: true },
      { text: 'rural', bullet: true },
      { text: 'routes', bullet: true },
      { text: 'a Word bullet', bullet: true },
      { text: 'Before a', bullet: false },
      { text: 'block inside', bullet: false },
      { text: 'after', bullet: false },
    ]);
  });

  it('finds a block at the bottom of a chain of inline wrappers', () => {
    let html = 'one<p>two</p>three';
    for (let i = 0; i < 300; i++) html = `<span>${html}</span>`;
    expect(paragraphsOf(body(`<div>${html}</div>`)).map((p) => p.text)).toEqual(['one', 'two', 'three']);
  });
});

describe('paragraphReader', () => {
  it('reads the parts of one root in page order, skipping the parts it is told to', () => {
    const cell = body('<p class="mgSubItemTitleTxt">Minutes:</p><div><p>(i) first</p><p>(ii) second</p></div>loose <b>text</b><ul class="mgBulletList"><li><p>Report</p></li></ul><p>last</p>');
    const reader = paragraphReader(cell);
    const [heading, minutes, loose, bold, list, last] = Array.from(cell.childNodes);
    reader.skip(heading as Node);
    expect(reader.read(minutes as Node).map((p) => p.text)).toEqual(['(i) first', '(ii) second']);
    expect(reader.read(loose as Node).map((p) => p.text)).toEqual(['loose']);
    expect(reader.read(bold as Node).map((p) => p.text)).toEqual(['text']);
    reader.skip(list as Node);
    expect(reader.read(last as Node)).toEqual([{ text: 'last', bullet: false }]);
  });
});
