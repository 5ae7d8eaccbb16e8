import type { SummaryCheck } from '../core/grounding/index.ts';

/** One OUT line of `--jsonl`, in the format the dev-set scorer reads. */
export function toJsonLine(id: string, check: SummaryCheck, ms: number) {
  return {
    id,
    verdict: check.verdict,
    score: Number(check.score.toFixed(4)),
    ms: Number(ms.toFixed(3)),
    sentences: check.sentences.map((sentence) => ({
      text: sentence.text,
      status: sentence.status,
      reasons: sentence.reasons,
      evidence: sentence.evidence,
    })),
  };
}
