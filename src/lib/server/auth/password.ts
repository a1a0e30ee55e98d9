import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '$lib/password-rules';

/**
 * OWASP's argon2id setting (m = 46 MiB, t = 1, p = 1): about 18 ms per hash on the target
 * machines. The library's default algorithm is argon2id.
 */
const ARGON2_OPTIONS = { memoryCost: 47_104, timeCost: 1, parallelism: 1, outputLen: 32 };

/** About 50,000 leaked passwords, compared case-insensitively. */
const commonPasswords = new Set(dictionary['passwords-common'].map((word) => word.toLowerCase()));

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'same_as_username';

export function passwordProblem(password: string, username = ''): PasswordProblem | null {
	const length = [...password].length;
	if (length < PASSWORD_MIN_LENGTH) return 'too_short';
	if (length > PASSWORD_MAX_LENGTH) return 'too_long';
	const lowered = password.toLowerCase();
	if (commonPasswords.has(lowered)) return 'common';
	if (username && lowered.includes(username.toLowerCase())) return 'same_as_username';
	return null;
}

export function hashPassword(password: string): Promise<string> {
	return hash(password.normalize('NFC'), ARGON2_OPTIONS);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	return verify(passwordHash, password.normalize('NFC'));
}
