import { describe, expect, it } from 'vitest';
import { printableCards } from './card-sheet';
import { CARDS_PER_TURN } from './turns';
import { generateCardCode } from './card-code';
import { generateSecret } from '../db/ids';

const cards = (count: number) =>
	Array.from({ length: count }, () => ({ token: generateSecret(128), code: generateCardCode() }));

describe('the printable sheet', () => {
	it('makes its QR codes in turns, so that other requests are answered meanwhile', async () => {
		const batch = cards(CARDS_PER_TURN * 4);
		let timerFired = false;
		setTimeout(() => (timerFired = true), 0);
		// Counts the turns of the event loop that other work got while the sheet was made.
		let drawing = true;
		let turns = 0;
		const turn = () => {
			if (!drawing) return;
			turns++;
			setImmediate(turn);
		};
		setImmediate(turn);
		const sheet = await printableCards(batch, 'http://192.168.1.20:3000');
		drawing = false;
		expect(timerFired).toBe(true);
		expect(turns).toBeGreaterThanOrEqual(3);
		expect(sheet).toHaveLength(batch.length);
	});

	it('prints each card’s own code and QR code, in the order given', async () => {
		const batch = cards(CARDS_PER_TURN + 2);
		const sheet = await printableCards(batch, 'http://192.168.1.20:3000');
		expect(sheet.map((card) => card.code.replace('-', ''))).toEqual(batch.map((card) => card.code));
		expect(new Set(sheet.map((card) => card.qr.dark)).size).toBe(batch.length);
	});
});
