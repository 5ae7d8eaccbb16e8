/** The article object of a page's JSON-LD, read before scripts are removed. */

const ARTICLE_TYPES = new Set(
  (
    'article newsarticle blogposting reportagenews analysisnewsarticle opinionnewsarticle ' +
    'reviewnewsarticle backgroundnewsarticle techarticle scholarlyarticle report ' +
    'liveblogposting'
  ).split(' '),
);

export type JsonLdArticle = {
  headline: string | null;
  authors: string[];
  publisher: string | null;
  datePublished: string | null;
  inLanguage: string | null;
  articleBody: string | null;
  /** false when the page says the article is behind a paywall. */
  isAccessibleForFree: boolean | null;
  url: string | null;
  /** A recipe's ingredient lines ([] for anything else). */
  ingredients: string[];
};

// Instructions are the body of these pages; schema.org gives them steps, not an articleBody.
const INSTRUCTION_TYPES = new Set(['howto', 'recipe']);

/**
 * `script[type]` elements, in page order, collected in the page's one walk (read-page.ts).
 * Every type met on the way is added to `types`, lower-cased (what the page says it is).
 */
export function readJsonLdArticle(
  scripts: Element[],
  types: Set<string> = new Set(),
): JsonLdArticle | null {
  let instructions: Obj | null = null;
  let article: Obj | null = null;
  for (const script of scripts) {
    if (!/^application\/ld\+json\b/i.test(script.getAttribute('type') ?? '')) continue;
    const data = parseLenient(script.textContent ?? '');
    for (const node of flatten(data)) {
      noteTypes(node, types);
      if (!article && isType(node, ARTICLE_TYPES)) article = node;
      if (!instructions && isType(node, INSTRUCTION_TYPES)) instructions = node;
    }
  }
  if (article) return toArticle(article);
  if (!instructions) return null;
  const body = [
    str(instructions.description),
    ...stepTexts(instructions.recipeIngredient),
    ...stepTexts(instructions.recipeInstructions ?? instructions.step),
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    ...toArticle(instructions),
    articleBody: body || null,
    ingredients: stepTexts(instructions.recipeIngredient),
  };
}

/** The text of HowToStep / HowToSection / HowToDirection trees, or of plain strings. */
function stepTexts(value: unknown, depth = 0): string[] {
  if (depth > 4 || value === null || value === undefined) return [];
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (Array.isArray(value)) return value.flatMap((item) => stepTexts(item, depth + 1));
  if (typeof value !== 'object') return [];
  const node = value as Obj;
  const own = str(node.text);
  return [...(own ? [own] : []), ...stepTexts(node.itemListElement, depth + 1)];
}

function parseLenient(raw: string): unknown {
  const text = raw
    .trim()
    .replace(/^<!--|-->$/g, '')
    .replace(/^\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>$/g, '');
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

type Obj = Record<string, unknown>;

function flatten(data: unknown): Obj[] {
  const out: Obj[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 4 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    const obj = value as Obj;
    out.push(obj);
    if (obj['@graph']) visit(obj['@graph'], depth + 1);
    // WebPage { mainEntity: NewsArticle } is a common shape.
    if (obj.mainEntity) visit(obj.mainEntity, depth + 1);
  };
  visit(data, 0);
  return out;
}

function noteTypes(node: Obj, types: Set<string>): void {
  const list = Array.isArray(node['@type']) ? node['@type'] : [node['@type']];
  for (const t of list) if (typeof t === 'string') types.add(t.toLowerCase());
}

function isType(node: Obj, names: Set<string>): boolean {
  const types = Array.isArray(node['@type']) ? node['@type'] : [node['@type']];
  return types.some((t) => typeof t === 'string' && names.has(t.toLowerCase()));
}

function toArticle(node: Obj): JsonLdArticle {
  const free = node.isAccessibleForFree;
  return {
    headline: str(node.headline) ?? str(node.name),
    authors: names(node.author),
    publisher: names(node.publisher)[0] ?? null,
    datePublished: str(node.datePublished) ?? str(node.dateCreated),
    inLanguage: str(node.inLanguage),
    articleBody: str(node.articleBody),
    isAccessibleForFree:
      free === false || free === 'False' || free === 'false'
        ? false
        : free === true || free === 'True' || free === 'true'
          ? true
          : null,
    url: str(node.url),
    ingredients: [],
  };
}

function str(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) return str(value[0]);
  return null;
}

function names(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const item of list) {
    const name =
      typeof item === 'string'
        ? item
        : item && typeof item === 'object'
          ? (item as Obj).name
          : null;
    const clean = str(name);
    if (clean && !/^https?:\/\//.test(clean) && !out.includes(clean)) out.push(clean);
  }
  return out;
}
