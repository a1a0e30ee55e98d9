import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import type { CardRefusal } from './cast';

const wording: Record<CardRefusal, [() => string, () => string]> = {
	invalid: [m.card_invalid_title, m.card_invalid_detail],
	used: [m.card_used_title, m.card_used_detail],
	not_open: [m.card_not_open_title, m.card_not_open_detail]
};

/** Every refusal of a card answers the same status, 403, with its own plain words. */
export function refuseCard(refusal: CardRefusal): never {
	const [title, detail] = wording[refusal];
	error(403, { message: title(), detail: detail() });
}
