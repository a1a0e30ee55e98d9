import { sha256 } from '@oslojs/crypto/sha2';
import {
	encodeBase32LowerCaseNoPadding,
	encodeBase64urlNoPadding,
	encodeHexLowerCase
} from '@oslojs/encoding';

function randomBytes(length: number): Uint8Array {
	const bytes = new Uint8Array(length);
	crypto.getRandomValues(bytes);
	return bytes;
}

/** Row ids: 120 random bits, lower-case base32 (24 characters). */
export function generateId(): string {
	return encodeBase32LowerCaseNoPadding(randomBytes(15));
}

/** Ballot ids: 128 random bits, so that ballots carry no order and no guessable key. */
export function generateBallotId(): string {
	return encodeHexLowerCase(randomBytes(16));
}

/** URL-safe secret of `bits` random bits (a multiple of 8). */
export function generateSecret(bits: number): string {
	return encodeBase64urlNoPadding(randomBytes(bits / 8));
}

export function sha256Hex(value: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(value)));
}

/** A uniformly random index below `bound` (rejection sampling, no modulo bias). */
export function randomIndex(bound: number): number {
	const limit = Math.floor(0x1_0000_0000 / bound) * bound;
	const word = new Uint32Array(1);
	do crypto.getRandomValues(word);
	while ((word[0] as number) >= limit);
	return (word[0] as number) % bound;
}

/** Fisher–Yates with a cryptographic source: the order reveals nothing about creation. */
export function shuffle<T>(items: readonly T[]): T[] {
	const shuffled = [...items];
	for (let i = shuffled.length - 1; i > 0; i--) {
		const j = randomIndex(i + 1);
		[shuffled[i], shuffled[j]] = [shuffled[j] as T, shuffled[i] as T];
	}
	return shuffled;
}
