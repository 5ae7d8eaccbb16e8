/**
 * Structured-output providers accept only a subset of JSON Schema, and length and numeric
 * constraints are the part that varies: OpenAI refused them for long, Gemini, vLLM and llama.cpp
 * each take a different set. The portable rule: every key required, nullable instead of
 * optional, `additionalProperties: false`, no length, numeric or format keywords. What is left
 * out here is still enforced: every answer is validated with the full Zod schema afterwards.
 */
const UNPORTABLE = new Set([
  '$schema',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'default',
]);

/** A copy of `schema` without the keywords above; throws (a bug) if an object is not strict. */
export function portableSchema(schema: unknown): unknown {
  return strip(schema, false);
}

function strip(node: unknown, isPropertyMap: boolean): unknown {
  if (Array.isArray(node)) return node.map((item) => strip(item, false));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    // Inside `properties` the keys are field names, not keywords.
    if (!isPropertyMap && UNPORTABLE.has(key)) continue;
    out[key] = strip(value, !isPropertyMap && key === 'properties');
  }
  if (!isPropertyMap && out.type === 'object') assertStrict(out);
  return out;
}

function assertStrict(object: Record<string, unknown>): void {
  const keys = Object.keys((object.properties as Record<string, unknown> | undefined) ?? {});
  const required = Array.isArray(object.required) ? object.required : [];
  const missing = keys.filter((key) => !required.includes(key));
  if (object.additionalProperties !== false || missing.length > 0) {
    throw new Error(
      `output schema is not portable: every key must be required (missing: ${missing.join(', ') || 'none'}) and additionalProperties false`,
    );
  }
}
