import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, newProfileDir, openWithPanel, type ExtensionBrowser } from './support/browser';
import { SOUTHAMPTON } from './support/councils';
import { validateCsl } from '../support/cslSchema';
import { serveCouncil, type CouncilServer } from './support/server';

let southampton: CouncilServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  southampton = await serveCouncil({ ...SOUTHAMPTON.routes }, SOUTHAMPTON.host);
  browser = await launchWithExtension(newProfileDir());
});
afterAll(async () => {
  await browser?.close();
  await southampton?.close();
});

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function downloaded(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: download.suggestedFilename(), text: readFileSync((await download.path()) as string, 'utf8') };
}

const TITLE = 'Item 5: Child Sexual Exploitation in Southampton - Update, resolution (i)';
const CONTAINER = 'Minutes of the Children and Families Scrutiny Panel, 3 November 2016';
/** What the system clipboard holds, pasted into a text box of a blank page. */
async function pasted(): Promise<string> {
  const blank = await browser.context.newPage();
  await blank.setContent('<textarea aria-label="paste here"></textarea>');
  await blank.getByLabel('paste here').focus();
  await blank.keyboard.press('Control+V');
  const text = await blank.getByLabel('paste here').inputValue();
  await blank.close();
  return text;
}

const today = () => new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

describe('citations in Chromium (citeproc-js under the extension pages’ CSP)', () => {
  it('copies a citation of item 5, clause (i) from the panel, in Harvard and then in APA', async () => {
    const url = southampton.url(SOUTHAMPTON.meeting);
    const { page, panel } = await openWithPanel(browser, url);
    const errors: string[] = [];
    panel.on('pageerror', (error) => errors.push(error.message));
    panel.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await panel.getByRole('status').filter({ hasText: 'Found 4 items.' }).waitFor();
    expect(await panel.getByLabel('Citation style').inputValue()).toBe('harvard');

    await panel.getByRole('button', { name: 'Copy citation of clause (i) of item 5' }).click();
    const harvard = `Southampton City Council (2016) ${TITLE}, ${CONTAINER}. Available at: ${url} (Accessed: ${today()}).`;
    await panel.getByRole('status').filter({ hasText: `Copied: ${harvard}` }).waitFor({ timeout: 20_000 });
    expect(await pasted()).toBe(harvard);

    await panel.getByLabel('Citation style').selectOption('apa');
    await panel.getByRole('button', { name: 'Copy citation of clause (i) of item 5' }).click();
    const apa = `Southampton City Council. (2016). ${TITLE}. In ${CONTAINER}. ${url}`;
    await panel.getByRole('status').filter({ hasText: `Copied: ${apa}` }).waitFor();
    expect(await pasted()).toBe(apa);
    // No CSP refusal (eval) nor any other error while citeproc-js ran.
    expect(errors).toEqual([]);
    expect(await axeViolations(panel)).toEqual([]);

    await panel.getByRole('button', { name: 'Save meeting (4 items)' }).click();
    await panel.getByRole('status').filter({ hasText: 'Saved the meeting: 4 items.' }).waitFor();
    await Promise.all([page.close(), panel.close()]);
  });

  it('exports the ticked clauses as RIS, every match as BibTeX and CSL-JSON, and copies in Chicago from the library', async () => {
    const url = southampton.url(SOUTHAMPTON.meeting);
    const library = await browser.openExtensionPage('library.html');
    await library.getByRole('status').filter({ hasText: '8 clauses match.' }).waitFor();
    // The panel's pick is remembered.
    expect(await library.getByLabel('Citation style').inputValue()).toBe('apa');
    expect(await axeViolations(library)).toEqual([]);

    await library.getByRole('checkbox', { name: 'Select clause (i) of item 5' }).check();
    await library.getByRole('checkbox', { name: 'Select clause (iv) of item 6' }).check();
    const risFile = await downloaded(library, 'Export clauses as RIS');
    expect(risFile.name).toMatch(/^council-minutes-clauses-\d{4}-\d{2}-\d{2}\.ris$/);
    const fromRis = new Cite(risFile.text).data as Record<string, unknown>[];
    expect(fromRis.map((r) => r.title)).toEqual([TITLE, 'Item 6: Elective Home Education and Safeguarding Arrangements, resolution (iv)']);
    expect(fromRis[0]).toMatchObject({ type: 'report', author: [{ literal: 'Southampton City Council' }], 'collection-title': CONTAINER, URL: url, issued: { 'date-parts': [[2016, 11, 3]] } });

    await library.getByRole('radio', { name: 'all matching clauses' }).check();
    const bibFile = await downloaded(library, 'Export clauses as BibTeX');
    expect(bibFile.name).toMatch(/\.bib$/);
    const fromBib = new Cite(bibFile.text).data as Record<string, unknown>[];
    expect(fromBib).toHaveLength(8);
    expect(fromBib[0]).toMatchObject({ id: 'southampton2016-5-i', title: TITLE, genre: CONTAINER, URL: url });

    const jsonFile = await downloaded(library, 'Export clauses as CSL-JSON');
    expect(jsonFile.name).toMatch(/\.json$/);
    const items = JSON.parse(jsonFile.text) as { title: string }[];
    expect(validateCsl(items)).toBe(true);
    expect(items.map((i) => i.title.replace(/^Item (\d+): .*, resolution /, '$1 '))).toEqual(['5 (i)', '5 (ii)', '5 (iii)', '6 (i)', '6 (ii)', '6 (iii)', '6 (iv)', '8 1']);

    await library.getByLabel('Citation style').selectOption('chicago');
    await library.getByRole('button', { name: 'Copy citation of clause (i) of item 5' }).click();
    const chicago = `Southampton City Council. 2016. “Item 5: Child Sexual Exploitation in Southampton - Update, Resolution (i).” ${CONTAINER}. ${url}.`;
    await library.getByRole('status').filter({ hasText: `Copied: ${chicago}` }).waitFor({ timeout: 20_000 });
    await library.close();
  });
});
