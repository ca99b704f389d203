import "server-only";

/**
 * Group commit: writes that arrive together are written together, in one
 * transaction, so the cost of a transaction (its commit, and building its
 * statements) is paid once per batch instead of once per write. A lone write
 * waits only for the current turn of the event loop to end; while batches are
 * being written (at most `maxInFlight` at once), what arrives waits and goes
 * into the next one, so batches grow with the load.
 *
 * When a batch fails, nothing of it was written (one transaction): each of its
 * writes is then made alone, so one bad write fails only itself.
 */
export class GroupCommit<I, R> {
  private waiting: { input: I; resolve: (result: R) => void; reject: (error: unknown) => void }[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly writeBatch: (inputs: I[]) => Promise<R[]>,
    private readonly writeAlone: (input: I) => Promise<R>,
    private readonly options: { maxInFlight: number; maxBatch: number } = { maxInFlight: 1, maxBatch: 256 },
  ) {}

  submit(input: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.waiting.length === 0 || this.inFlight >= this.options.maxInFlight) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.waiting.length === 0 || this.inFlight >= this.options.maxInFlight) return;
    const jobs = this.waiting.splice(0, this.options.maxBatch);
    this.inFlight += 1;
    this.schedule();
    try {
      let results: R[] | null = null;
      try {
        results = await this.writeBatch(jobs.map((job) => job.input));
      } catch {
        results = null;
      }
      if (results && results.length === jobs.length) {
        jobs.forEach((job, i) => job.resolve(results[i] as R));
        return;
      }
      for (const job of jobs) {
        try {
          job.resolve(await this.writeAlone(job.input));
        } catch (error) {
          job.reject(error);
        }
      }
    } finally {
      this.inFlight -= 1;
      this.schedule();
    }
  }
}
