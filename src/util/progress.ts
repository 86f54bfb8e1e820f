/**
 * A one-line progress bar on stderr for long work (indexing, ingestion). Silent when stderr is not a
 * terminal or the job is small, so logs and CI output stay clean.
 */
export function progressBar(label: string, { minTotal = 200, stream = process.stderr } = {}) {
  let lastDrawn = -1;
  return (done: number, total: number): void => {
    if (total < minTotal || !stream.isTTY) return;
    const percent = Math.floor((done / total) * 100);
    if (percent === lastDrawn && done !== total) return;
    lastDrawn = percent;
    const width = 30;
    const filled = Math.round((percent / 100) * width);
    stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${percent}% ${done}/${total}`);
    if (done === total) stream.write('\n');
  };
}
