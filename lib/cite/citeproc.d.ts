/** The part of citeproc-js (npm `citeproc`, CommonJS) that `render.ts` uses. */
declare module 'citeproc' {
  interface Sys {
    retrieveLocale(lang: string): string;
    retrieveItem(id: string): unknown;
  }
  export interface Engine {
    setOutputFormat(format: 'text' | 'html'): void;
    updateItems(ids: string[]): void;
    /** [formatting parameters, one entry per item]; false when the style has no bibliography. */
    makeBibliography(): [unknown, string[]] | false;
  }
  const CSL: {
    Engine: new (sys: Sys, style: string, lang?: string, forceLang?: boolean) => Engine;
  };
  export default CSL;
}
