/**
 * A request that meets a storage fault (disk full, database locked by another program, disk
 * error) is answered 503 with Retry-After and words saying nothing was stored and to try again,
 * never the generic "unexpected error": it is the operator's disk, not a bug, and it passes.
 * Each such request is also recorded for the organiser's warning and /healthz.
 */
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { storageFault, type StorageFault } from '../db/storage-fault';
import { recordStorageFault } from '../db/storage-health';

/** Long enough for a lock to clear, short enough that a voter still holds the phone. */
export const RETRY_AFTER_SECONDS = 5;

/** Marks the request as having met a storage fault when `error` is one; returns its kind. */
export function noteStorageFault(
	event: Pick<RequestEvent, 'locals'>,
	error: unknown
): StorageFault | null {
	const fault = storageFault(error);
	if (fault) event.locals.storageFault = fault;
	return fault;
}

/** The error a page or a script is shown for a storage fault, in the user's language. */
export function storageError(): App.Error {
	return { message: m.storage_fault_title(), detail: m.storage_fault_detail(), storage: true };
}

/** Gives every request that met a storage fault its 503 and Retry-After, and records the fault. */
export const storageFaults: Handle = async ({ event, resolve }) => {
	let response: Response;
	try {
		response = await resolve(event);
	} catch (error) {
		// Met in a hook before any page (a login refreshed on a full disk): the words alone.
		if (!noteStorageFault(event, error)) throw error;
		const { message, detail } = storageError();
		response = new Response(`${message}\n${detail}\n`, {
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	}
	const fault = event.locals.storageFault;
	if (!fault) return response;
	recordStorageFault(fault);
	// SvelteKit renders an unexpected error as 500 and an action's JSON answer as 200.
	const headers = new Headers(response.headers);
	headers.set('retry-after', String(RETRY_AFTER_SECONDS));
	return new Response(response.body, { status: 503, headers });
};
