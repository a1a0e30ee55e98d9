import type { QrModules } from '$lib/qr-image';
import { formatCardCode } from './card-code';
import type { IssuedCard } from './ballot-cards';
import { qrModules } from './qr';

export interface PrintableCard {
	/** The QR code of `<origin>/v/<token>`; the page draws it (`qrImage`). */
	qr: QrModules;
	code: string;
}

/**
 * QR codes made between two turns of the event loop. Making one takes a third of a millisecond
 * of CPU and the library does it synchronously, so a batch of 1,000 made in one go would keep
 * every phone and screen waiting for a third of a second or more; in turns of this size nobody
 * waits more than a few milliseconds for the organiser's sheet.
 */
export const CARDS_PER_TURN = 25;

export function cardUrl(origin: string, token: string): string {
	return `${origin}/v/${token}`;
}

/** Lets the requests that arrived meanwhile be read and answered (I/O, then timers). */
function nextTurn(): Promise<void> {
	return new Promise((resolve) => setImmediate(resolve));
}

/** The cards as printed, their QR codes made in turns that leave the server to other requests. */
export async function printableCards(
	cards: IssuedCard[],
	origin: string
): Promise<PrintableCard[]> {
	const printable: PrintableCard[] = [];
	for (const card of cards) {
		if (printable.length > 0 && printable.length % CARDS_PER_TURN === 0) await nextTurn();
		printable.push({ qr: qrModules(cardUrl(origin, card.token)), code: formatCardCode(card.code) });
	}
	return printable;
}
