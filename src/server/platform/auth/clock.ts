/** The time source for expiry rules (sessions, break-glass): tests pass their own. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
