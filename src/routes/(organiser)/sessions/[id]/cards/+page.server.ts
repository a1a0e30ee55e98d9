import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { organiserSession } from '$lib/server/sessions/access';
import { printableCards } from '$lib/server/cards/card-sheet';
import { qrDataUrl } from '$lib/server/cards/qr';
import { wifiJoinText } from '$lib/wifi';
import {
	cardCounts,
	issueCards,
	voidCardByCode,
	voidUnusedCards
} from '$lib/server/cards/ballot-cards';
import { db } from '$lib/server/db';
import { displaySession } from '$lib/server/sessions/display';
import { errorOn, parseForm } from '$lib/server/http/forms';
import { publicOrigin } from '$lib/server/http/origin';
import { turnout } from '$lib/server/sessions/lifecycle';
import { confirmSchema } from '../schema';
import { issueSchema, voidCodeSchema } from './schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { session } = organiserSession(event);
	const counts = cardCounts(session, turnout(db(), session).returned);
	const issued = counts.unused + counts.used;
	return {
		session: displaySession(session),
		counts,
		// By default one card per person present who has none yet.
		suggested: Math.max((session.present ?? session.convened) - issued, 1),
		votingPage: `${publicOrigin(event.url.origin)}/v`
	};
};

export const actions: Actions = {
	issue: async (event) => {
		const { user, session } = organiserSession(event);
		const form = parseForm(issueSchema, await event.request.formData());
		if (!form.ok) return fail(400, { action: 'issue', errors: form.errors });
		if (session.state === 'closed') {
			return fail(409, { action: 'issue', errors: errorOn('count', m.cards_session_closed()) });
		}
		const cards = issueCards(db(), session.id, form.data.count, user.id);
		const { wifiName, wifiPassword } = form.data;
		// The tokens exist in clear only in this response: the sheet cannot be printed again.
		return {
			action: 'issue',
			sheet: await printableCards(cards, publicOrigin(event.url.origin)),
			wifi: wifiName
				? {
						name: wifiName,
						password: wifiPassword,
						qrSvg: await qrDataUrl(wifiJoinText(wifiName, wifiPassword))
					}
				: null
		};
	},

	voidCode: async (event) => {
		const { session } = organiserSession(event);
		const form = parseForm(voidCodeSchema, await event.request.formData());
		if (!form.ok) return fail(400, { action: 'void', errors: form.errors });
		const result = voidCardByCode(db(), session.id, form.data.code);
		if (result !== 'voided') {
			const message = {
				not_found: m.cards_void_not_found,
				already_used: m.cards_void_used,
				already_void: m.cards_void_already
			}[result]();
			return fail(400, { action: 'void', errors: errorOn('code', message) });
		}
		return { action: 'void', message: m.cards_voided_one() };
	},

	voidUnused: async (event) => {
		const { session } = organiserSession(event);
		const form = parseForm(confirmSchema(), await event.request.formData());
		if (!form.ok) return fail(400, { action: 'voidUnused', errors: form.errors });
		const voided = voidUnusedCards(db(), session.id);
		return { action: 'voidUnused', message: m.cards_voided_many({ count: voided }) };
	}
};
