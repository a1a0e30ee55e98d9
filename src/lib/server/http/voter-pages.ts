/**
 * Headers of the voter's pages: /v and everything under it (the card's address, the ballot, its
 * review, the cast, the receipt, their error pages).
 */
export function isVoterPath(pathname: string): boolean {
	return pathname === '/v' || pathname.startsWith('/v/');
}

export function setVoterHeaders(headers: Headers): void {
	// Kept by no browser, back button or proxy: a later user of the phone would find the ballot,
	// its review or the receipt there.
	headers.set('Cache-Control', 'no-store');
	// SvelteKit's ETag is a hash of the page in one to seven characters, so its length would vary
	// with what a page repeats back (README, "Equal sizes on the wire"); with nothing kept there
	// is nothing to revalidate.
	headers.delete('ETag');
}
