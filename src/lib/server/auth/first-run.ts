/**
 * First run belongs to the person at the keyboard. While no account exists, /setup creates the
 * first administrator only for a browser on the machine itself, or for whoever holds the
 * one-time link the server prints when it starts (as Jupyter and Grafana do): whoever can read
 * its terminal or its log. Anyone else who finds a fresh install first is told where the link is.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import type { AppDatabase } from '$lib/server/db';
import { generateSecret } from '$lib/server/db/ids';
import { countUsers } from './accounts';

type Env = Record<string, string | undefined>;

/** Only the token's digest is kept: digests of equal length compare in constant time. */
let tokenDigest: Uint8Array | null = null;

const digest = (token: string) => sha256(new TextEncoder().encode(token));

/** Where the printed link points: the public origin if set, else this machine's port. */
function setupOrigin(env: Env): string {
	if (env.ORIGIN) return env.ORIGIN.replace(/\/+$/, '');
	const host = env.HOST ?? '';
	const local = !host || /^(0\.0\.0\.0|::|::1|localhost|127\.\d+\.\d+\.\d+)$/.test(host);
	const name = local ? 'localhost' : host.includes(':') ? `[${host}]` : host;
	// `npm start` serves HTTPS itself when given a certificate (TLS_CERT, TLS_KEY).
	return `${env.TLS_CERT ? 'https' : 'http'}://${name}:${env.PORT ?? '3000'}`;
}

/**
 * Called once at start (the server's `init` hook): with no account yet, a new token, kept in
 * memory only, and the line that prints its link. A restart makes a new one.
 */
export function announceFirstRun(
	db: AppDatabase,
	env: Env = process.env,
	print: (line: string) => void = console.log
): void {
	tokenDigest = null;
	if (countUsers(db) > 0) return;
	const token = generateSecret(128);
	tokenDigest = digest(token);
	print(
		`First run: open ${setupOrigin(env)}/setup?token=${token} to create the first administrator (the link works once).`
	);
}

/** The administrator exists: the link is spent, whoever created it. */
export function closeFirstRun(): void {
	tokenDigest = null;
}

function tokenMatches(candidate: string | null): boolean {
	return (
		tokenDigest !== null && candidate !== null && constantTimeEqual(digest(candidate), tokenDigest)
	);
}

const LOOPBACK_ADDRESS = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
const LOOPBACK_HOST = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;
/** A proxy passed the request on: its own loopback address says nothing about the browser. */
const FORWARDED = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip'];

/**
 * A browser on this machine: it reached the app by a loopback name (as the app sees its own
 * address, `ORIGIN` if set) from a loopback address, and no proxy says it passed the request on.
 * The name matters as much as the address: a page on another site that re-points its own name
 * at 127.0.0.1 (DNS rebinding) comes from a loopback address too, but under its own name. With
 * `ADDRESS_HEADER` set the address is a header's, which only the proxy vouches for: not local.
 */
export function isFromMachineItself(
	event: Pick<RequestEvent, 'url' | 'request' | 'getClientAddress'>,
	env: Env = process.env
): boolean {
	if (env.ADDRESS_HEADER) return false;
	if (!LOOPBACK_HOST.test(event.url.hostname)) return false;
	if (FORWARDED.some((header) => event.request.headers.has(header))) return false;
	return LOOPBACK_ADDRESS.test(event.getClientAddress());
}

/** Whether this request may create the first administrator (the link's `token`, or local). */
export function mayRunSetup(
	event: Pick<RequestEvent, 'url' | 'request' | 'getClientAddress'>,
	env: Env = process.env
): boolean {
	return tokenMatches(event.url.searchParams.get('token')) || isFromMachineItself(event, env);
}
