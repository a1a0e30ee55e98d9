import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { db } from '$lib/server/db';
import { publicOrigin } from '$lib/server/http/origin';
import { listAmendments } from '$lib/server/results/amendments';
import { projectorSession, projectorView } from '$lib/server/results/projector';
import { qrDataUrl } from '$lib/server/cards/qr';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, url, setHeaders }) => {
	const session = projectorSession(db(), params.key);
	if (!session) error(404, m.error_not_found());
	setHeaders({ 'cache-control': 'no-store' });
	const view = projectorView(db(), session, publicOrigin(url.origin));
	// Corrections of the published result, shown with it; only what the room needs to read.
	const amendments = view.result
		? listAmendments(db(), session.id).map(({ at, who, reason, correction, grade }) => ({
				at,
				who,
				reason,
				correction,
				grade: grade && { fullName: grade.fullName, before: grade.before, after: grade.after }
			}))
		: [];
	return { key: params.key, view, amendments, helpQr: qrDataUrl(view.helpUrl) };
};
