/** Running jobs a few at a time: `width` workers take the next job as each finishes. */
export async function runPool<T>(items: readonly T[], width: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  const queue = items.map((item, index) => ({ item, index }));
  const worker = async (): Promise<void> => {
    for (let next = queue.shift(); next; next = queue.shift()) await work(next.item, next.index);
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, width), queue.length) }, worker));
}
