/**
 * Unicode clean-up that remembers where every character came from, so that sentences found in the
 * cleaned text can be mapped back to character offsets in the original file.
 */
import { classSource, HYPHEN_LOOKALIKES } from '../text/chars.ts';

/** Hyphen look-alikes folded to '-' (U+2011, the non-breaking hyphen, is common in the press). */
const HYPHENS = new RegExp(classSource(HYPHEN_LOOKALIKES), 'g');
/** Invisible characters dropped: soft hyphen, zero-width space/joiners, BOM. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

export interface Normalized {
  text: string;
  /**
   * `toRaw[i]` is the offset in the original of cleaned character i; `toRaw[text.length]` is the original
   * length. Null when cleaning changed nothing (the common case), so offsets are the identity.
   */
  toRaw: Int32Array | null;
}

/** Normalises one grapheme-like cluster: NFKC, hyphens to '-', invisible characters removed. */
export function normalizeCluster(cluster: string): string {
  return cluster.normalize('NFKC').replace(HYPHENS, '-').replace(INVISIBLE, '');
}

/** A base character with its combining marks, so NFKC can compose "U" + U+0308 into "Ü". */
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gsu;

export function normalizeWithOffsets(raw: string): Normalized {
  if (isClean(raw)) return { text: raw, toRaw: null };
  let text = '';
  const offsets: number[] = [];
  for (const match of raw.matchAll(CLUSTER)) {
    const cleaned = normalizeCluster(match[0]);
    for (let i = 0; i < cleaned.length; i++) offsets.push(match.index);
    text += cleaned;
  }
  offsets.push(raw.length);
  return { text, toRaw: Int32Array.from(offsets) };
}

/** Maps a [start, end) range of cleaned text back to the original. */
export function rawRange(norm: Normalized, start: number, end: number): [number, number] {
  if (!norm.toRaw) return [start, end];
  const rawStart = norm.toRaw[start]!;
  // The end maps to just after the last cleaned character's source cluster.
  const rawEnd = end > start ? nextRawOffset(norm.toRaw, end - 1) : rawStart;
  return [rawStart, rawEnd];
}

function nextRawOffset(toRaw: Int32Array, index: number): number {
  const here = toRaw[index]!;
  for (let i = index + 1; i < toRaw.length; i++) {
    if (toRaw[i]! !== here) return toRaw[i]!;
  }
  return toRaw[toRaw.length - 1]!;
}

function isClean(raw: string): boolean {
  HYPHENS.lastIndex = 0;
  INVISIBLE.lastIndex = 0;
  return !HYPHENS.test(raw) && !INVISIBLE.test(raw) && raw === raw.normalize('NFKC');
}
