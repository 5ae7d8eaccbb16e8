/** Prices in US dollars per million tokens, as providers publish them. */
export interface TokenPrices {
  inputPerMillion: number;
  outputPerMillion: number;
}

/** For a local model, or an operator who does not track cost. */
export const ZERO_PRICES: TokenPrices = Object.freeze({ inputPerMillion: 0, outputPerMillion: 0 });

/** An estimate for budgets, /usage and /metrics: the provider's bill is the truth. */
export function estimateCostUsd(
  tokens: { input: number; output: number },
  prices: TokenPrices,
): number {
  return (
    (tokens.input * prices.inputPerMillion + tokens.output * prices.outputPerMillion) / 1_000_000
  );
}
