// Voter pages ship no framework JavaScript: they are plain forms that work on any phone, with a
// few lines of progressive enhancement in /ballot.js.
export const csr = false;
