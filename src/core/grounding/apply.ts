import type { Bullet, Evidence, Support } from '../../shared/schemas.ts';
import { textLanguage } from '../offline/text-language.ts';
import { textFragmentLink } from '../quotes/index.ts';
import { checkClaim } from './check-claim.ts';
import { claimSentences } from './check-summary.ts';
import { sameLanguage } from './same-language.ts';
import { type GroundingIndex, indexForGroundingAsync } from './source-index.ts';
import type { ClaimCheck, Reason } from './types.ts';

export interface GroundingSource {
  text: string;
  url: string | null;
  /** False when the summary is written in another language than the source. */
  lexical: boolean;
  /** Awaited between slices of work on a long source, so the thread is never held for long. */
  pause?: () => Promise<void>;
}

export interface GroundedSummary {
  tldr: string;
  bullets: Bullet[];
  tldrSupport: Support;
  tldrEvidence: Evidence[];
}

export interface GroundingReport {
  summary: GroundedSummary;
  droppedClaims: number;
  grounding: { supported: number; weak: number; unsupported: number; lexical: boolean };
}

/** A sentence the model must fix or leave out, and why, for the re-ask. */
export interface RejectedClaim {
  text: string;
  reasons: Reason[];
}

/** Evidence shown per bullet: the best passage of each of its sentences, at most this many. */
const MAX_EVIDENCE = 3;

/**
 * The grounding of one job's summaries against one source. The source is indexed once, on
 * first use, and shared by the check before a re-ask and the final check.
 */
export function createGrounder(source: GroundingSource) {
  let index: Promise<GroundingIndex> | null = null;
  const pause = source.pause ?? (() => new Promise<void>((resolve) => setImmediate(resolve)));
  const indexed = () => {
    index ??= indexForGroundingAsync(source.text, pause);
    return index;
  };
  const check = (ready: GroundingIndex, sentence: string): ClaimCheck =>
    copiedExactly(source.text, sentence) ??
    checkClaim(ready, sentence, { lexical: source.lexical });

  return {
    /** The TL;DR and bullet sentences that state a fact the source does not hold. */
    async rejected(summary: { tldr: string; bullets: Array<{ text: string }> }) {
      const ready = await indexed();
      const texts = [summary.tldr, ...summary.bullets.map((bullet) => bullet.text)];
      const rejected: RejectedClaim[] = [];
      for (const text of texts) {
        for (const sentence of claimSentences(text)) {
          const result = check(ready, sentence);
          if (result.status === 'unsupported')
            rejected.push({ text: sentence, reasons: result.reasons });
        }
      }
      return rejected;
    },

    /** The summary with unsupported sentences removed and evidence on what is left. */
    async apply(summary: { tldr: string; bullets: Bullet[] }): Promise<GroundingReport> {
      const ready = await indexed();
      const counts = { supported: 0, weak: 0, unsupported: 0, lexical: source.lexical };
      const ground = (text: string) => {
        const kept: ClaimCheck[] = [];
        for (const sentence of claimSentences(text)) {
          const result = check(ready, sentence);
          counts[result.status]++;
          if (result.status !== 'unsupported') kept.push(result);
        }
        const evidence = dedupe(kept.flatMap((result) => result.evidence.slice(0, 1)))
          .slice(0, MAX_EVIDENCE)
          .map((span) => ({ ...span, link: link(source, span) }));
        const support: Support = kept.some((r) => r.status === 'weak') ? 'weak' : 'supported';
        return { text: kept.map((result) => result.text).join(' '), evidence, support };
      };
      const tldr = ground(summary.tldr);
      const bullets: Bullet[] = [];
      for (const bullet of summary.bullets) {
        const grounded = ground(bullet.text);
        if (grounded.text === '') continue;
        bullets.push({ ...bullet, ...grounded });
      }
      return {
        summary: {
          tldr: tldr.text,
          bullets,
          tldrSupport: tldr.support,
          tldrEvidence: tldr.evidence,
        },
        droppedClaims: counts.unsupported,
        grounding: counts,
      };
    },
  };
}

export type Grounder = ReturnType<typeof createGrounder>;

/** A sentence copied from the source (the offline engine's) is its own exact evidence. */
function copiedExactly(text: string, sentence: string): ClaimCheck | null {
  const start = text.indexOf(sentence);
  if (start === -1 || sentence.length < 20) return null;
  return {
    text: sentence,
    status: 'supported',
    reasons: [],
    evidence: [{ start, end: start + sentence.length }],
    score: 1,
  };
}

function dedupe(spans: Array<{ start: number; end: number }>) {
  const seen = new Set<number>();
  return spans.filter((span) => !seen.has(span.start) && seen.add(span.start) !== undefined);
}

function link(source: GroundingSource, span: { start: number; end: number }): string | null {
  return source.url ? textFragmentLink(source.url, source.text.slice(span.start, span.end)) : null;
}

/** The re-ask's lines about rejected sentences: each one and why. */
export function describeRejectedClaims(rejected: readonly RejectedClaim[]): string[] {
  return rejected.map((claim) => {
    const why = claim.reasons
      .map((reason) =>
        reason.kind === 'negation'
          ? `the negation (${reason.text}) does not match the article`
          : `${reason.kind} ${JSON.stringify(reason.text)} is not in the article`,
      )
      .join('; ');
    return `- ${JSON.stringify(claim.text)}: ${why}`;
  });
}

/**
 * The grounder of one job: wording is compared only when the summary is asked for in the
 * source's language.
 */
export function groundingFor(
  document: { text: string; url: string | null; lang: string | null },
  language: string | null,
): Grounder & {
  reaskLines: (output: { tldr: string; bullets: Array<{ text: string }> }) => Promise<string[]>;
} {
  const grounder = createGrounder({
    text: document.text,
    url: document.url,
    // Pasted text comes without a language: tell it from the text, or an English summary of a
    // Spanish paste would have its wording (and number words) compared as if both were English.
    lexical: sameLanguage(language, document.lang ?? textLanguage(document.text)),
  });
  return {
    ...grounder,
    reaskLines: async (output) => describeRejectedClaims(await grounder.rejected(output)),
  };
}

/** A cached summary's evidence, linked to the source this user gave (another URL, same text). */
export function relinkEvidence<S extends { bullets: Bullet[]; tldrEvidence?: Evidence[] }>(
  summary: S,
  url: string | null,
  text: string,
): S {
  const relink = (evidence: Evidence[] | undefined) =>
    evidence?.map((span) => ({
      ...span,
      link: url ? textFragmentLink(url, text.slice(span.start, span.end)) : null,
    }));
  return {
    ...summary,
    tldrEvidence: relink(summary.tldrEvidence),
    bullets: summary.bullets.map((bullet) => ({ ...bullet, evidence: relink(bullet.evidence) })),
  };
}
