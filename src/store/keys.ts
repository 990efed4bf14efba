/**
 * Every Redis key newsbot uses is built here (key layout documented in ./README.md).
 * (Skeleton; completed by the store work.)
 */
export class Keys {
  constructor(readonly prefix: string) {}
}
