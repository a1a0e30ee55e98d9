import QRCode from 'qrcode';
import { formatCardCode } from './card-code';
import type { IssuedCard } from './credentials';

export interface PrintableCard {
	/** An SVG QR code of `<origin>/v/<token>` drawn by the qrcode library, as a data URL. */
	qrSvg: string;
	code: string;
}

function svgDataUrl(svg: string): string {
	return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
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
			qrSvg: svgDataUrl(
				await QRCode.toString(cardUrl(origin, card.token), {
					type: 'svg',
					errorCorrectionLevel: 'M',
					margin: 1
				})
			),
			code: formatCardCode(card.code)
		}))
	);
}
