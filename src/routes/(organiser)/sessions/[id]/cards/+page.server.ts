import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { organiserSession } from '$lib/server/sessions/access';
import { printableCards } from '$lib/server/cards/card-sheet';
import { plainHttpPhoneAddress } from '$lib/server/cards/phone-address';
import { qrDataUrl } from '$lib/server/cards/qr';
import { wifiJoinText } from '$lib/wifi';
import {
	cardCounts,
	drawCards,
	handedOut,
	issueCards,
	spareCards,
	voidCardByCode,
	voidUnusedCards,
	type IssueResult
} from '$lib/server/cards/ballot-cards';
import type { FieldValues } from '$lib/forms';
import { suggestedIssue } from '$lib/tally/issuing';
import { db } from '$lib/server/db';
import { displaySession } from '$lib/server/sessions/display';
import { errorOn, noErrors, parseForm } from '$lib/server/http/forms';
import { publicOrigin } from '$lib/server/http/origin';
import { turnout } from '$lib/server/sessions/lifecycle';
import { confirmSchema } from '../schema';
import { issueSchema, voidCodeSchema } from './schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { session } = organiserSession(event);
	const issuing = {
		convened: session.convened,
		present: session.present,
		handedOut: handedOut(session)
	};
	return {
		session: displaySession(session),
		counts: cardCounts(session, turnout(db(), session).returned),
		issuing: { ...issuing, remaining: Math.max(0, session.convened - issuing.handedOut) },
		spare: spareCards(db(), session),
		// By default one card per person present who has none yet; none once they all have one.
		suggested: suggestedIssue(issuing),
		votingPage: `${publicOrigin(event.url.origin)}/v`,
		plainHttpAddress: plainHttpPhoneAddress(event.url.origin)
	};
};

/** Why cards were not issued, on the field to change, or as the question to confirm. */
function issueRefusal(
	refused: Exclude<IssueResult, { ok: true }>,
	count: number,
	values: FieldValues
) {
	const answer = { action: 'issue' as const, values, confirm: null as string | null };
	switch (refused.reason) {
		case 'closed':
			return fail(409, { ...answer, errors: errorOn('count', m.cards_session_closed()) });
		case 'beyond_convened':
			return fail(400, {
				...answer,
				errors: errorOn(
					'count',
					refused.remaining === 0
						? m.cards_all_issued({ convened: refused.convened })
						: m.cards_issue_beyond_convened({ count, ...refused })
				)
			});
		case 'beyond_present':
			return fail(400, {
				...answer,
				errors: noErrors(),
				confirm: m.issue_beyond_present({ after: refused.after, present: refused.present })
			});
	}
}

export const actions: Actions = {
	issue: async (event) => {
		const { user, session } = organiserSession(event);
		const form = parseForm(issueSchema, await event.request.formData());
		if (!form.ok) {
			return fail(400, {
				action: 'issue',
				errors: form.errors,
				values: form.values,
				confirm: null
			});
		}
		const { count, wifiName, wifiPassword, beyondPresentReason } = form.data;
		const issued = issueCards(db(), session.id, count, {
			actorId: user.id,
			beyondPresentReason: beyondPresentReason || null,
			drawn: await drawCards(count)
		});
		if (!issued.ok) return issueRefusal(issued, count, form.values);
		// The tokens exist in clear only in this response: the sheet cannot be printed again.
		return {
			action: 'issue',
			sheet: await printableCards(issued.cards, publicOrigin(event.url.origin)),
			wifi: wifiName
				? {
						name: wifiName,
						password: wifiPassword,
						qrSvg: qrDataUrl(wifiJoinText(wifiName, wifiPassword))
					}
				: null
		};
	},

	voidCode: async (event) => {
		const { user, session } = organiserSession(event);
		const form = parseForm(voidCodeSchema, await event.request.formData());
		if (!form.ok) return fail(400, { action: 'void', errors: form.errors });
		const result = voidCardByCode(db(), session.id, form.data.code, user.id);
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
		const { user, session } = organiserSession(event);
		const form = parseForm(confirmSchema(), await event.request.formData());
		if (!form.ok) return fail(400, { action: 'voidUnused', errors: form.errors });
		const voided = voidUnusedCards(db(), session.id, user.id);
		return { action: 'voidUnused', message: m.cards_voided_many({ count: voided }) };
	}
};
