/** Error classes shared across layers. */

/** Redis did not answer in time or is unreachable: the user should try again shortly. */
export class StoreUnavailableError extends Error {
  constructor(cause?: unknown) {
    super('The article store is unavailable', { cause });
    this.name = 'StoreUnavailableError';
  }
}

/** A user asked for something that does not exist or is not allowed (message is user-facing). */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserFacingError';
  }
}
