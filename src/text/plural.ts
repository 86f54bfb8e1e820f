/** `1 article`, `3 articles`: a count and its noun, with a plain English plural. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
