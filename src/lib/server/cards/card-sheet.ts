import type { QrModules } from '$lib/qr-image';
import { formatCardCode } from './card-code';
import type { IssuedCard } from './ballot-cards';
import { qrModules } from './qr';
import { inTurns } from './turns';

export interface PrintableCard {
	/** The QR code of `<origin>/v/<token>`; the page draws it (`qrImage`). */
	qr: QrModules;
	code: string;
}

export function cardUrl(origin: string, token: string): string {
	return `${origin}/v/${token}`;
}

/**
 * The cards as printed. Making a QR code takes a third of a millisecond of CPU: they are made
 * in turns that leave the server to other requests (turns.ts).
 */
export function printableCards(cards: IssuedCard[], origin: string): Promise<PrintableCard[]> {
	return inTurns(cards.length, (index) => {
		const card = cards[index] as IssuedCard;
		return { qr: qrModules(cardUrl(origin, card.token)), code: formatCardCode(card.code) };
	});
}
