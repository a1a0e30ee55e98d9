import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { storageTrouble } from '$lib/server/db/storage-health';
import type { RequestHandler } from './$types';

const headers = { 'cache-control': 'no-store' };

/** 200 while the database answers and takes writes; 503 with the reason otherwise. */
export const GET: RequestHandler = () => {
	try {
		db().$client.prepare('select 1').get();
	} catch {
		return json({ status: 'unavailable' }, { status: 503, headers });
	}
	const trouble = storageTrouble(db());
	if (!trouble) return json({ status: 'ok' }, { headers });
	const { fault, since } = trouble;
	return json(
		{ status: 'storage failing', fault, since: since.toISOString() },
		{ status: 503, headers }
	);
};
