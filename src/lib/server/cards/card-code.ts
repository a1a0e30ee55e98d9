/**
 * Short codes printed on ballot cards, typed at /v when a camera fails. The alphabet leaves out
 * characters that read alike on paper or a small screen (0/O, 1/I/L, U/V): 29 symbols, 10 of
 * them, about 48 bits, far beyond guessing through a throttled form.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ' as const;
export const CODE_LENGTH = 10;

/**
 * Random bytes below this are used, the others drawn again: the largest multiple of the
 * alphabet's size that fits a byte, so that every symbol is equally likely (no modulo bias).
 */
const USABLE_BYTE = Math.floor(256 / CODE_ALPHABET.length) * CODE_ALPHABET.length;

export function generateCardCode(): string {
	// One draw of random bytes per code, not one per symbol: issuing 1,000 cards made 10,000
	// calls to the system's generator, a tenth of a second with everything else waiting.
	const bytes = new Uint8Array(2 * CODE_LENGTH);
	let code = '';
	while (code.length < CODE_LENGTH) {
		crypto.getRandomValues(bytes);
		for (const byte of bytes) {
			if (byte < USABLE_BYTE) code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
			if (code.length === CODE_LENGTH) break;
		}
	}
	return code;
}

/** As printed: two groups of five, easier to read aloud and to type. */
export function formatCardCode(code: string): string {
	return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/**
 * What a person typed, reduced to the code: case, spaces and dashes do not matter; `null` when
 * it cannot be a code at all.
 */
export function normaliseCardCode(typed: string): string | null {
	const compact = typed.toUpperCase().replace(/[\s\-_.]/g, '');
	if (compact.length !== CODE_LENGTH) return null;
	for (const character of compact) if (!CODE_ALPHABET.includes(character)) return null;
	return compact;
}

export const RECEIPT_LENGTH = 8;

/** A receipt code from a digest: eight symbols of the card alphabet, e.g. "K7M2-QX9P". */
export function receiptFromDigest(digest: Uint8Array): string {
	let code = '';
	for (let i = 0; i < RECEIPT_LENGTH; i++)
		code += CODE_ALPHABET[(digest[i] ?? 0) % CODE_ALPHABET.length];
	return `${code.slice(0, 4)}-${code.slice(4)}`;
}
