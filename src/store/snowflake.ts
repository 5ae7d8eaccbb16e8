import { z } from 'zod';

/** Discord ids are unsigned 64-bit integers written in decimal. */
export const SnowflakeSchema = z
  .string()
  .regex(/^(0|[1-9]\d{0,19})$/, 'must be a Discord id (digits, no leading zero)');

/**
 * Orders Discord ids by value. As text '999' > '1000', so ids of different lengths would
 * sort wrongly; BigInt compares them as the numbers they are.
 */
export function compareSnowflakes(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
