import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { QUIET_ZONE } from '$lib/qr-image';
import { qrDataUrl } from './qr';

/** The SVG's size in modules and the dark modules its path draws, as "x,y". */
function drawn(text: string) {
	const svg = decodeURIComponent(qrDataUrl(text).replace(/^data:image\/svg\+xml,/, ''));
	const size = Number(/viewBox='0 0 (\d+) \1'/.exec(svg)?.[1]);
	const path = /<path stroke='#000000' d='([^']+)'/.exec(svg)?.[1] ?? '';
	// Each row's dark runs: `M x y` or `m dx dy`, then `h length`, a stroke along y.
	const dark = new Set<string>();
	let x = 0;
	let y = 0;
	for (const [, command, a, b] of path.matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
		if (command === 'M') [x, y] = [Number(a), Number(b)];
		else if (command === 'm') [x, y] = [x + Number(a), y + Number(b)];
		else for (const end = x + Number(a); x < end; x++) dark.add(`${x},${Math.floor(y)}`);
	}
	return { svg, size, dark };
}

describe('QR images', () => {
	it('carry a white quiet zone of four modules on every side', () => {
		for (const text of [
			'http://192.168.1.20:3000/v/AanQ_zfAqiIFa3v9-cE1HA',
			'WIFI:T:nopass;S:x;;'
		]) {
			const { svg, size, dark } = drawn(text);
			expect(svg).toContain(`<path fill='#ffffff' d='M0 0h${size}v${size}H0z'/>`);
			const cells = [...dark].map((cell) => cell.split(',').map(Number) as [number, number]);
			const xs = cells.map(([x]) => x);
			const ys = cells.map(([, y]) => y);
			const margins = [
				Math.min(...xs),
				Math.min(...ys),
				size - 1 - Math.max(...xs),
				size - 1 - Math.max(...ys)
			];
			for (const margin of margins) expect(margin).toBeGreaterThanOrEqual(QUIET_ZONE);
		}
	});

	it('draw exactly the dark modules of the symbol', () => {
		const text = 'http://192.168.1.20:3000/v/AanQ_zfAqiIFa3v9-cE1HA';
		const { modules } = QRCode.create([{ data: new TextEncoder().encode(text), mode: 'byte' }], {
			errorCorrectionLevel: 'M'
		});
		const expected = new Set<string>();
		for (let row = 0; row < modules.size; row++) {
			for (let column = 0; column < modules.size; column++) {
				if (modules.get(row, column)) expected.add(`${column + QUIET_ZONE},${row + QUIET_ZONE}`);
			}
		}
		expect(drawn(text).dark).toEqual(expected);
	});

	it('stay at version 4 (33 modules) for a card’s HTTPS address on the room’s network', () => {
		const { size } = drawn('https://192.168.100.200:3000/v/AanQ_zfAqiIFa3v9-cE1HA');
		expect(size).toBe(33 + 2 * QUIET_ZONE);
	});
});
