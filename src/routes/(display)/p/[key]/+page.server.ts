import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { db } from '$lib/server/db';
import { publicOrigin } from '$lib/server/http/origin';
import { projectorSession, projectorView } from '$lib/server/results/projector';
import { qrDataUrl } from '$lib/server/cards/qr';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url, setHeaders }) => {
	const session = projectorSession(db(), params.key);
	if (!session) error(404, m.error_not_found());
	setHeaders({ 'cache-control': 'no-store' });
	const view = projectorView(db(), session, publicOrigin(url.origin));
	return { key: params.key, view, helpQr: qrDataUrl(view.helpUrl) };
};
