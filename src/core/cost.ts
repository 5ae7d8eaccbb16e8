/** Prices in US dollars per million tokens, as providers publish them. */
export interface TokenPrices {
  inputPerMillion: number;
  outputPerMillion: number;
}

/** An estimate for budgets and /usage: the provider's bill is the truth. */
export function estimateCostUsd(
  tokens: { input: number; output: number },
  prices: TokenPrices,
): number {
  return (
    (tokens.input * prices.inputPerMillion + tokens.output * prices.outputPerMillion) / 1_000_000
  );
}
