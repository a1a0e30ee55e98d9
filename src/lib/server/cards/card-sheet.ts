import { formatCardCode } from './card-code';
import type { IssuedCard } from './ballot-cards';
import { qrDataUrl } from './qr';

export interface PrintableCard {
	/** An SVG QR code of `<origin>/v/<token>` drawn by the qrcode library, as a data URL. */
	qrSvg: string;
	code: string;
}

export function cardUrl(origin: string, token: string): string {
	return `${origin}/v/${token}`;
}

export async function printableCards(
	cards: IssuedCard[],
	origin: string
): Promise<PrintableCard[]> {
	return Promise.all(
		cards.map(async (card) => ({
			qrSvg: await qrDataUrl(cardUrl(origin, card.token)),
			code: formatCardCode(card.code)
		}))
	);
}
