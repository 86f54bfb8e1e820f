/** `1 article`, `3 articles`, `2 watches`: a count and its noun, with a plain English plural unless another is given. */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
