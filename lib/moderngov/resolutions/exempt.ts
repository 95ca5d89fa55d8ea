/** A clause whose decision is in a confidential minute: "(1) The resolution is set out in a
 * minute exempt from publication …", "The decision is recorded in the exempt minute". */
const EXEMPT = /\bexempt\s+from\s+publication\b|\bnot\s+for\s+publication\b|\b(?:set\s+out|recorded|contained|detailed|included|shown)\s+in\s+(?:(?:a|the)\s+)?(?:confidential|exempt|restricted|private)\s+(?:minute|appendix|annex|part|section|record)/i;

export function isExempt(text: string): boolean {
  return EXEMPT.test(text);
}
