import { SitrepError, isSitrepError, type ErrorCode, type ErrorLocation } from "../core/errors.js";

/**
 * The Store's transactions run one at a time, in the order they were asked for (store.ts): each
 * waits for the one before to end, whether that one committed or failed.
 */
export class TransactionQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn);
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** Resolves when every transaction asked for so far has ended. */
  async idle(): Promise<void> {
    await this.tail;
  }
}

/** What the database threw, as the Store reports it: a coded error stays as it is, anything else gets `code`. */
export function storeError(code: ErrorCode, e: unknown, where: ErrorLocation = {}): SitrepError {
  return isSitrepError(e) ? e : new SitrepError(code, (e as Error).message, where, { cause: e });
}
