import type { SummaryCheck } from '../core/grounding/index.ts';
import { textFragmentLink } from '../core/quotes/index.ts';

const MARK = { supported: '✓ supported', weak: '~ weak', unsupported: '✗ unsupported' } as const;

/** The text view of a check: each sentence, its verdict and reasons, the passage behind it. */
export function renderCheckText(check: SummaryCheck, source: string, url: string | null): string {
  const lines: string[] = [];
  check.sentences.forEach((sentence, n) => {
    lines.push(`${n + 1}. ${sentence.text}`, `   ${MARK[sentence.status]}`);
    for (const reason of sentence.reasons) {
      const what =
        reason.kind === 'words' ? 'wording not in the source' : `${reason.kind} not in the source`;
      lines.push(`   - ${what}: ${reason.text}`);
    }
    const first = sentence.evidence[0];
    if (first) {
      const passage = source.slice(first.start, first.end).replace(/\s+/g, ' ');
      lines.push(`   evidence [${first.start}-${first.end}]: ${passage}`);
      if (url) lines.push(`   ${textFragmentLink(url, passage)}`);
    } else {
      lines.push('   evidence: none found');
    }
    lines.push('');
  });
  const counts = { supported: 0, weak: 0, unsupported: 0 };
  for (const sentence of check.sentences) counts[sentence.status]++;
  lines.push(
    `verdict: ${check.verdict} (score ${check.score.toFixed(2)}) · ${counts.supported} supported, ${counts.weak} weak, ${counts.unsupported} unsupported`,
  );
  return `${lines.join('\n')}\n`;
}
