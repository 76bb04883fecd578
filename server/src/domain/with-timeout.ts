/** `work` unless it takes longer than `ms`: then the error `late()` makes (the work goes on, its answer unused). */
export function withTimeout<T>(work: Promise<T>, ms: number, late: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(late()), ms); });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
