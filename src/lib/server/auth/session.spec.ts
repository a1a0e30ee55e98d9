import { decodeBase64urlIgnorePadding } from '@oslojs/encoding';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '$lib/server/db/testing';
import type { AppDatabase } from '$lib/server/db';
import { authSession } from '$lib/server/db/schema';
import { createAccount, setDisabled } from './accounts';
import {
	ABSOLUTE_TIMEOUT_MS,
	IDLE_TIMEOUT_MS,
	createSession,
	generateSessionToken,
	hashToken,
	invalidateSession,
	sessionCookieName,
	validateSessionToken
} from './session';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let db: AppDatabase;
let userId: string;

beforeEach(async () => {
	db = createTestDatabase();
	const created = await createAccount(db, {
		username: 'bithu',
		displayName: 'Bí thư',
		password: 'một mật khẩu dài',
		role: 'organiser'
	});
	if (!created.ok) throw new Error('fixture user not created');
	userId = created.user.id;
});

describe('session tokens', () => {
	it('carry 256 random bits and differ every time', () => {
		const tokens = new Set(Array.from({ length: 100 }, generateSessionToken));
		expect(tokens.size).toBe(100);
		for (const token of tokens) {
			expect(decodeBase64urlIgnorePadding(token)).toHaveLength(32);
		}
	});

	it('are stored only as their SHA-256', () => {
		const token = generateSessionToken();
		createSession(db, token, userId);
		const rows = db.select().from(authSession).all();
		expect(rows).toHaveLength(1);
		expect(rows[0]?.id).toBe(hashToken(token));
		expect(rows[0]?.id).toMatch(/^[0-9a-f]{64}$/);
		expect(JSON.stringify(rows)).not.toContain(token);
	});
});

describe('validateSessionToken', () => {
	const start = new Date('2026-11-22T08:00:00Z');
	const at = (ms: number) => new Date(start.getTime() + ms);

	it('accepts a fresh token and returns the user', () => {
		const token = generateSessionToken();
		createSession(db, token, userId, start);
		const validated = validateSessionToken(db, token, at(MINUTE));
		expect(validated?.user).toMatchObject({ id: userId, username: 'bithu', role: 'organiser' });
	});

	it('rejects an unknown token', () => {
		createSession(db, generateSessionToken(), userId, start);
		expect(validateSessionToken(db, generateSessionToken(), at(MINUTE))).toBeNull();
	});

	it('expires after two idle hours and deletes the row', () => {
		const token = generateSessionToken();
		createSession(db, token, userId, start);
		expect(validateSessionToken(db, token, at(IDLE_TIMEOUT_MS - 1))).not.toBeNull();
		expect(validateSessionToken(db, token, at(2 * IDLE_TIMEOUT_MS))).toBeNull();
		expect(db.select().from(authSession).all()).toHaveLength(0);
	});

	it('slides the idle expiry forward while the user is active', () => {
		const token = generateSessionToken();
		createSession(db, token, userId, start);
		// Active every 90 minutes: each request is within two hours of the previous one.
		for (let elapsed = 90 * MINUTE; elapsed < 6 * HOUR; elapsed += 90 * MINUTE) {
			const validated = validateSessionToken(db, token, at(elapsed));
			expect(validated).not.toBeNull();
			expect(validated?.session.expiresAt.getTime()).toBe(at(elapsed + IDLE_TIMEOUT_MS).getTime());
		}
	});

	it('ends twelve hours after login however active the user is', () => {
		const token = generateSessionToken();
		createSession(db, token, userId, start);
		let last: ReturnType<typeof validateSessionToken> = null;
		for (let elapsed = HOUR; elapsed < ABSOLUTE_TIMEOUT_MS; elapsed += HOUR) {
			last = validateSessionToken(db, token, at(elapsed));
			expect(last).not.toBeNull();
		}
		expect(last?.session.expiresAt.getTime()).toBeLessThanOrEqual(
			at(ABSOLUTE_TIMEOUT_MS).getTime()
		);
		expect(validateSessionToken(db, token, at(ABSOLUTE_TIMEOUT_MS))).toBeNull();
	});

	it('ends every session of a disabled account', () => {
		const token = generateSessionToken();
		createSession(db, token, userId, start);
		setDisabled(db, userId, true);
		expect(validateSessionToken(db, token, at(MINUTE))).toBeNull();
	});

	it('forgets an invalidated session', () => {
		const token = generateSessionToken();
		const session = createSession(db, token, userId, start);
		invalidateSession(db, session.id);
		expect(validateSessionToken(db, token, at(MINUTE))).toBeNull();
	});
});

describe('sessionCookieName', () => {
	it('uses the __Host- prefix only over HTTPS', () => {
		expect(sessionCookieName(true)).toBe('__Host-phieukin_session');
		expect(sessionCookieName(false)).toBe('phieukin_session');
	});
});
