import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import type { CardRefusal } from './cast';

const wording: Record<CardRefusal, [() => string, () => string]> = {
	invalid: [m.card_invalid_title, m.card_invalid_detail],
	used: [m.card_used_title, m.card_used_detail],
	not_open: [m.card_not_open_title, m.card_not_open_detail],
	closed: [m.card_closed_title, m.card_closed_detail]
};

/**
 * Every refusal of a card answers the same status, 403, with its own plain words. `posted`: the
 * refusal answers a ballot the voter sent (review or send) rather than the opening of a card;
 * after close the voter must then hear that this ballot was not recorded.
 */
export function refuseCard(refusal: CardRefusal, posted = false): never {
	const [title, detail] =
		posted && refusal === 'closed'
			? [m.card_closed_title, m.card_closed_unsent_detail]
			: wording[refusal];
	error(403, { message: title(), detail: detail() });
}
