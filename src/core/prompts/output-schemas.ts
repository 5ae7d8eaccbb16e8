import type { z } from 'zod';
import { MapOutputSchema, SummaryOutputSchema } from '../../shared/schemas.ts';

/** The schemas a prompt's `output` may name. A name not listed here fails at load time. */
export const OUTPUT_SCHEMAS = {
  SummaryOutput: SummaryOutputSchema,
  MapOutput: MapOutputSchema,
} satisfies Record<string, z.ZodType>;

export type OutputSchemaName = keyof typeof OUTPUT_SCHEMAS;

export function isOutputSchemaName(name: string): name is OutputSchemaName {
  return Object.hasOwn(OUTPUT_SCHEMAS, name);
}
