/** Shared by the forms (hints) and the server (checks). */
export const PASSWORD_MIN_LENGTH = 8;
/** Long enough for any passphrase or password manager; short enough to bound hashing work. */
export const PASSWORD_MAX_LENGTH = 256;
