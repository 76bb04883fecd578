/** The p-th percentile of `xs` (the value at index floor(p% of the count) of the sorted list). */
export const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
