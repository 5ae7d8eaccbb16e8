/** What makes a claim unsupported (a hard fact missing from the source) or weak ("words"). */
export type ReasonKind = 'number' | 'date' | 'name' | 'quantity' | 'negation' | 'words';
export interface Reason {
  kind: ReasonKind;
  /** The claim's own words that the source does not back. */
  text: string;
}

export type ClaimStatus = 'supported' | 'weak' | 'unsupported';

/** A source passage: offsets into the source text, end exclusive (UTF-16). */
export interface EvidenceSpan {
  start: number;
  end: number;
}

export interface ClaimCheck {
  text: string;
  status: ClaimStatus;
  reasons: Reason[];
  /** The passages that support it best, best first (at most three). */
  evidence: EvidenceSpan[];
  /** 0..1, higher = better supported. */
  score: number;
}

export interface CheckOptions {
  /**
   * False when the claim is in another language than the source: only figures and names are
   * compared, never words.
   */
  lexical?: boolean;
}
