import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { db } from '$lib/server/db';
import { projectorSession } from '$lib/server/results/projector';
import { visibility } from '$lib/server/results/gate';
import { receiptCodes } from '$lib/server/results/publication';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url }) => {
	const session = projectorSession(db(), params.key);
	if (!session) error(404, m.error_not_found());
	const published = visibility('room', session).receipts;
	const sought = (url.searchParams.get('code') ?? '').toUpperCase().replace(/[^0-9A-Z]/g, '');
	const codes = published ? receiptCodes(db(), session.id) : [];
	return {
		title: session.title,
		published,
		codes,
		sought: sought.length === 8 ? `${sought.slice(0, 4)}-${sought.slice(4)}` : null
	};
};
