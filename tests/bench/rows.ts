import { z } from 'zod';

/** A target: the figure must be at most (`<=`) or at least (`>=`) `value`, in the row's unit. */
export const TargetSchema = z.object({ op: z.enum(['<=', '>=']), value: z.number() });

/**
 * One bench figure, as `npm run bench -- --json FILE` writes it and the tables are made from.
 * `value` is null when it was not measured (the library did not reach the size in the time);
 * `met` is null where there is no target or no figure. `detail` is the table's figure column.
 */
export const BenchRowSchema = z
  .object({
    name: z.string().min(1),
    value: z.number().finite().nullable(),
    unit: z.string(),
    target: TargetSchema.nullable(),
    met: z.boolean().nullable(),
    detail: z.string(),
  })
  // null also where the figure was taken short of the target's size (a library not grown to 100k in the time).
  .refine((row) => (row.target === null || row.value === null ? row.met === null : row.met === null || row.met === meets(row.value, row.target)), {
    message: 'met must be the value checked against the target (null without either)',
  });

export type Target = z.infer<typeof TargetSchema>;
export type BenchRow = z.infer<typeof BenchRowSchema>;

export function meets(value: number, target: Target): boolean {
  return target.op === '<=' ? value <= target.value : value >= target.value;
}

/** A row, `met` worked out from the value and the target (`measured: false`: taken short of the target's size, so null). */
export function benchRow(name: string, value: number | null, unit: string, target: Target | null, detail: string, measured = true): BenchRow {
  return { name, value, unit, target, met: target === null || value === null || !measured ? null : meets(value, target), detail };
}

export const atMost = (value: number): Target => ({ op: '<=', value });
export const atLeast = (value: number): Target => ({ op: '>=', value });

/** The file `--json FILE` writes: the run's date and machine, and every row. */
export const BenchJsonSchema = z.object({
  date: z.string(),
  machine: z.record(z.string(), z.unknown()),
  seconds: z.number(),
  rows: z.array(BenchRowSchema),
});
export type BenchJson = z.infer<typeof BenchJsonSchema>;
