import { AsyncLocalStorage } from 'node:async_hooks';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { m } from '$lib/paraglide/messages.js';
import {
	extractLocaleFromRequest,
	overwriteServerAsyncLocalStorage,
	type Locale
} from '$lib/paraglide/runtime.js';
import { announceFirstRun } from '$lib/server/auth/first-run';
import { requireRole, requireUser } from '$lib/server/auth/guard';
import {
	deleteSessionCookie,
	sessionCookieName,
	setSessionCookie,
	validateSessionToken
} from '$lib/server/auth/session';
import { declaresTooLargeBody, parseBodySizeLimit } from '$lib/server/http/body-size';
import { isForgedRequest } from '$lib/server/http/csrf';
import { noteStorageFault, storageError, storageFaults } from '$lib/server/http/storage-faults';
import { isVoterPath, setVoterHeaders } from '$lib/server/http/voter-pages';
import { env } from '$env/dynamic/private';
import { db, migrateDatabase } from '$lib/server/db';

export const init: ServerInit = () => {
	migrateDatabase(db());
	// adapter-node runs this once as the server starts: the first-run link is printed then.
	announceFirstRun(db());
};

const bodySizeLimit = parseBodySizeLimit(env.BODY_SIZE_LIMIT);

const bodySize: Handle = ({ event, resolve }) => {
	if (declaresTooLargeBody(event.request.headers, bodySizeLimit)) {
		return new Response(m.error_body_too_large(), {
			status: 413,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	}
	return resolve(event);
};

const csrf: Handle = ({ event, resolve }) => {
	if (isForgedRequest(event.request.method, event.request.headers, event.url.origin)) {
		return new Response(m.error_cross_site(), {
			status: 403,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	}
	return resolve(event);
};

/**
 * Paraglide's own middleware, minus its copy of every request: with the language in a cookie the
 * URL never changes, and cloning the request (body included) cost a third of a millisecond on
 * each ballot. Messages read the language from this store, as the middleware sets it.
 */
const localeStore = new AsyncLocalStorage<{
	locale?: Locale;
	origin?: string;
	messageCalls?: Set<string>;
}>();
overwriteServerAsyncLocalStorage(localeStore);

const i18n: Handle = ({ event, resolve }) => {
	const locale = extractLocaleFromRequest(event.request);
	const store = { locale, origin: event.url.origin, messageCalls: new Set<string>() };
	return localeStore.run(store, () =>
		resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		})
	);
};

const auth: Handle = ({ event, resolve }) => {
	const secure = event.url.protocol === 'https:';
	const token = event.cookies.get(sessionCookieName(secure));
	event.locals.user = null;
	event.locals.session = null;
	if (token) {
		const validated = validateSessionToken(db(), token);
		if (validated) {
			event.locals.user = validated.user;
			event.locals.session = validated.session;
			setSessionCookie(event.cookies, token, validated.session.expiresAt, secure);
		} else {
			deleteSessionCookie(event.cookies, secure);
		}
	}
	return resolve(event);
};

/** Whole route groups are closed here; each load and action checks again (see guard.ts). */
const guard: Handle = ({ event, resolve }) => {
	const routeId = event.route.id ?? '';
	if (routeId.startsWith('/(admin)')) requireRole(event, 'admin');
	else if (routeId.startsWith('/(organiser)')) requireUser(event);
	return resolve(event);
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const headers = response.headers;
	headers.set('X-Content-Type-Options', 'nosniff');
	headers.set('Referrer-Policy', 'no-referrer');
	headers.set('Cross-Origin-Opener-Policy', 'same-origin');
	headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
	if (event.url.protocol === 'https:') {
		headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
	}
	if (isVoterPath(event.url.pathname)) setVoterHeaders(headers);
	return response;
};

export const handle = sequence(securityHeaders, i18n, storageFaults, bodySize, csrf, auth, guard);

/**
 * Logs the route pattern and the stack frames, never the URL or the error message: a ballot
 * URL carries a card token, a message may quote input, and nothing about a vote may reach a log.
 * A storage fault is no bug: it gets its own words and a 503 (see `storageFaults`).
 */
export const handleError: HandleServerError = ({ error, event, status }) => {
	if (noteStorageFault(event, error)) return storageError();
	if (status !== 404) {
		const name = error instanceof Error ? error.name : 'non-error thrown';
		const frames =
			error instanceof Error ? (error.stack ?? '').split('\n').slice(1).join('\n') : '';
		console.error(`[${status}] ${event.route.id ?? 'unknown route'}: ${name}\n${frames}`);
	}
	return { message: status === 404 ? m.error_not_found() : m.error_unexpected() };
};
