/**
 * Organiser sessions as the Lucia guide teaches: a random token in the cookie, only its
 * SHA-256 in the database, sliding expiry bounded by an absolute lifetime.
 */
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { eq, sql } from 'drizzle-orm';
import type { AppDatabase } from '$lib/server/db';
import { preparedQueries } from '$lib/server/db/prepared';
import { authSession, user, type UserRole } from '$lib/server/db/schema';
import { generateSecret, sha256Hex } from '$lib/server/db/ids';

/** A session ends after 2 hours without a request… */
export const IDLE_TIMEOUT_MS = 2 * 60 * 60 * 1000;
/** …and 12 hours after login whatever happens, so a forgotten laptop does not stay signed in. */
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** Sliding the expiry costs a write; do it at most once a minute per session. */
const REFRESH_INTERVAL_MS = 60 * 1000;

export interface AuthenticatedUser {
	id: string;
	username: string;
	displayName: string;
	role: UserRole;
}

export interface AuthSession {
	id: string;
	userId: string;
	createdAt: Date;
	expiresAt: Date;
}

export function generateSessionToken(): string {
	return generateSecret(256);
}

export function hashToken(token: string): string {
	return sha256Hex(token);
}

function idleExpiry(createdAt: Date, now: Date): Date {
	return new Date(
		Math.min(now.getTime() + IDLE_TIMEOUT_MS, createdAt.getTime() + ABSOLUTE_TIMEOUT_MS)
	);
}

export function createSession(
	db: AppDatabase,
	token: string,
	userId: string,
	now = new Date()
): AuthSession {
	const session: AuthSession = {
		id: hashToken(token),
		userId,
		createdAt: now,
		expiresAt: idleExpiry(now, now)
	};
	db.insert(authSession).values(session).run();
	return session;
}

/** Every signed-in request reads its session and user. */
const queries = preparedQueries((db) => ({
	sessionWithUser: db
		.select({
			session: authSession,
			user: {
				id: user.id,
				username: user.username,
				displayName: user.displayName,
				role: user.role,
				disabled: user.disabled
			}
		})
		.from(authSession)
		.innerJoin(user, eq(authSession.userId, user.id))
		.where(eq(authSession.id, sql.placeholder('sessionId')))
		.prepare()
}));

export function validateSessionToken(
	db: AppDatabase,
	token: string,
	now = new Date()
): { session: AuthSession; user: AuthenticatedUser } | null {
	const row = queries(db).sessionWithUser.get({ sessionId: hashToken(token) });
	if (!row) return null;

	const { session, user: account } = row;
	const absoluteEnd = session.createdAt.getTime() + ABSOLUTE_TIMEOUT_MS;
	if (now >= session.expiresAt || now.getTime() >= absoluteEnd || account.disabled) {
		invalidateSession(db, session.id);
		return null;
	}

	const slid = idleExpiry(session.createdAt, now);
	if (slid.getTime() - session.expiresAt.getTime() >= REFRESH_INTERVAL_MS) {
		session.expiresAt = slid;
		db.update(authSession).set({ expiresAt: slid }).where(eq(authSession.id, session.id)).run();
	}
	const { disabled: _disabled, ...authenticated } = account;
	return { session, user: authenticated };
}

export function invalidateSession(db: AppDatabase, sessionId: string): void {
	db.delete(authSession).where(eq(authSession.id, sessionId)).run();
}

export function invalidateUserSessions(db: AppDatabase, userId: string): void {
	db.delete(authSession).where(eq(authSession.userId, userId)).run();
}

/** Over HTTPS the `__Host-` prefix pins the cookie to this exact origin and path `/`. */
export function sessionCookieName(secure: boolean): string {
	return secure ? '__Host-phieukin_session' : 'phieukin_session';
}

export function setSessionCookie(
	cookies: Cookies,
	token: string,
	expiresAt: Date,
	secure: boolean
): void {
	cookies.set(sessionCookieName(secure), token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		expires: expiresAt
	});
}

export function deleteSessionCookie(cookies: Cookies, secure: boolean): void {
	cookies.delete(sessionCookieName(secure), { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

/**
 * Starts a fresh session for a user who just proved who they are. Any session the browser
 * already carried is ended first, so a token planted before login is worthless after it.
 */
export function startSession(
	db: AppDatabase,
	event: Pick<RequestEvent, 'cookies' | 'url' | 'locals'>,
	userId: string
): void {
	if (event.locals.session) invalidateSession(db, event.locals.session.id);
	const token = generateSessionToken();
	const session = createSession(db, token, userId);
	setSessionCookie(event.cookies, token, session.expiresAt, event.url.protocol === 'https:');
}
