/**
 * Work handed from one phase to the next while both run: the file summaries tell the risk reader
 * which files to read, the risk reader tells the path reader which rules to place. A worker takes
 * the most urgent item first (`before`), waits while the producer may still add some, and is done
 * once the producer closes the queue and it is empty.
 */
export class WorkQueue<T> {
  private readonly items: T[] = []
  private closed = false
  private waiting: (() => void)[] = []
  private readonly before: ((a: T, b: T) => boolean) | undefined

  /** `before(a, b)`: a is more urgent than b; without it, first in first out. */
  constructor(before?: (a: T, b: T) => boolean) {
    this.before = before
  }

  push(item: T): void {
    if (this.closed) return
    const at = this.before ? this.items.findIndex((queued) => this.before?.(item, queued)) : -1
    if (at < 0) this.items.push(item)
    else this.items.splice(at, 0, item)
    this.wake()
  }

  /** No more items will come. */
  close(): void {
    this.closed = true
    this.wake()
  }

  /** The next item, or undefined once the queue is closed and empty. */
  async next(): Promise<T | undefined> {
    for (;;) {
      const item = this.items.shift()
      if (item !== undefined) return item
      if (this.closed) return undefined
      await new Promise<void>((resolve) => this.waiting.push(resolve))
    }
  }

  /** Takes out every item that `drop` names (a file found clean after all). */
  remove(drop: (item: T) => boolean): void {
    for (let i = this.items.length - 1; i >= 0; i--) if (drop(this.items[i] as T)) this.items.splice(i, 1)
  }

  private wake(): void {
    const waiting = this.waiting
    this.waiting = []
    for (const resolve of waiting) resolve()
  }
}
