import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password';

describe('passwordProblem', () => {
	it('requires at least 8 characters, counted as characters not bytes', () => {
		expect(passwordProblem('k9#Tq2!')).toBe('too_short');
		expect(passwordProblem('k9#Tq2!x')).toBeNull();
		expect(passwordProblem('ệệệệệệệ')).toBe('too_short');
		expect(passwordProblem('đêm trắng')).toBeNull();
	});

	it('allows long passphrases (at least 64 characters) and bounds them at 256', () => {
		expect(
			passwordProblem('a quiet river runs under the old stone bridge in autumn light!!')
		).toBeNull();
		expect(passwordProblem('x7'.repeat(64))).toBeNull();
		expect(passwordProblem('x'.repeat(257))).toBe('too_long');
	});

	it('refuses common passwords whatever their case', () => {
		for (const common of [
			'password',
			'12345678',
			'PASSWORD1',
			'iloveyou',
			'anhyeuem',
			'qwertyuiop'
		]) {
			expect(passwordProblem(common), common).toBe('common');
		}
	});

	it('refuses a password containing the username', () => {
		expect(passwordProblem('vanthu2026!', 'vanthu')).toBe('same_as_username');
		expect(passwordProblem('vanthu2026!', 'bithu')).toBeNull();
	});
});

describe('hashPassword', () => {
	it('uses argon2id with m = 47,104 KiB, t = 1, p = 1', async () => {
		const hash = await hashPassword('Hội nghị giữa nhiệm kỳ');
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=47104,t=1,p=1\$/);
	});

	it('verifies the right password only, whatever its Unicode normal form', async () => {
		const composed = 'Phiếu kín 2026';
		const hash = await hashPassword(composed);
		expect(await verifyPassword(hash, composed)).toBe(true);
		expect(await verifyPassword(hash, composed.normalize('NFD'))).toBe(true);
		expect(await verifyPassword(hash, 'Phiếu kín 2025')).toBe(false);
	});
});
