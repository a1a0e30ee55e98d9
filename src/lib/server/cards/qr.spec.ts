import { describe, expect, it } from 'vitest';
import { qrDataUrl } from './qr';

/** The SVG's size in modules and the box its dark modules cover. */
async function darkBox(text: string) {
	const url = await qrDataUrl(text);
	const svg = Buffer.from(url.replace(/^data:image\/svg\+xml;base64,/, ''), 'base64').toString();
	const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
	const path = /<path stroke="#000000" d="([^"]+)"/.exec(svg)?.[1] ?? '';
	// The qrcode library draws each row's dark runs as `M x y` or `m dx dy`, then `h length`.
	const box = { left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity };
	let x = 0;
	let y = 0;
	for (const [, command, a, b] of path.matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
		if (command === 'M') [x, y] = [Number(a), Number(b)];
		else if (command === 'm') [x, y] = [x + Number(a), y + Number(b)];
		else {
			box.left = Math.min(box.left, x);
			x += Number(a);
			box.right = Math.max(box.right, x);
			box.top = Math.min(box.top, Math.floor(y));
			box.bottom = Math.max(box.bottom, Math.ceil(y));
		}
	}
	return { svg, size, box };
}

describe('QR images', () => {
	it('carry a white quiet zone of four modules on every side', async () => {
		for (const text of [
			'http://192.168.1.20:3000/v/AanQ_zfAqiIFa3v9-cE1HA',
			'WIFI:T:nopass;S:x;;'
		]) {
			const { svg, size, box } = await darkBox(text);
			expect(svg).toContain(`<path fill="#ffffff" d="M0 0h${size}v${size}H0z"/>`);
			const margins = [box.left, box.top, size - box.right, size - box.bottom];
			for (const margin of margins) expect(margin).toBeGreaterThanOrEqual(4);
		}
	});
});
