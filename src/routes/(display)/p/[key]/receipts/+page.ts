// A plain list anyone can read on a phone: no framework JavaScript needed.
export const csr = false;
