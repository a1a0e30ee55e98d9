/**
 * QR codes as images, drawn from their modules wherever they are shown: on the server (the
 * projector, the Wi-Fi card) and in the organiser's browser (a sheet of cards), so that a sheet of
 * 1,000 cards travels as the modules (about 280 characters a card) rather than as 1,000 SVG
 * images (about 2,000 each) serialised into the page's data.
 */

/** A QR symbol: its width in modules and its dark modules, row by row, as hexadecimal bits. */
export interface QrModules {
	size: number;
	dark: string;
}

/**
 * White modules drawn around the symbol, inside the image: the four the QR standard asks for, so
 * that a printed card, a dashed cut line or a dark projector background never touches the code.
 */
export const QUIET_ZONE = 4;

/** Packs a symbol's modules (1 for dark, row by row) into hexadecimal, four modules a digit. */
export function packModules(size: number, modules: ArrayLike<number>): QrModules {
	let dark = '';
	for (let start = 0; start < size * size; start += 4) {
		let digit = 0;
		for (let bit = 0; bit < 4; bit++) digit = (digit << 1) | (modules[start + bit] ? 1 : 0);
		dark += digit.toString(16);
	}
	return { size, dark };
}

/** The modules unpacked, 1 for dark, row by row. */
function unpackModules({ size, dark }: QrModules): Uint8Array {
	// Four modules a digit; the last digit's padding falls beyond the array and is dropped.
	const modules = new Uint8Array(size * size);
	for (let digit = 0; digit < dark.length; digit++) {
		const character = dark.charCodeAt(digit);
		// '0'–'9' are 48–57, 'a'–'f' are 97–102.
		const bits = character < 58 ? character - 48 : character - 87;
		for (let bit = 0; bit < 4; bit++) modules[digit * 4 + bit] = (bits >> (3 - bit)) & 1;
	}
	return modules;
}

/**
 * The symbol as an SVG data URL for `<img src>`: a white square, then each row's dark runs as
 * one stroked path (`M x y` at a row's first run, `m dx 0` between runs, `h length`). Written
 * without base64, a quarter shorter: only `<`, `>` and `#` need escaping in it.
 */
export function qrImage(symbol: QrModules): string {
	const { size } = symbol;
	const modules = unpackModules(symbol);
	const side = size + 2 * QUIET_ZONE;
	let path = '';
	for (let row = 0; row < size; row++) {
		let pen: number | null = null;
		for (let column = 0; column < size; column++) {
			if (!modules[row * size + column]) continue;
			let end = column;
			while (end < size && modules[row * size + end]) end++;
			const x = column + QUIET_ZONE;
			path +=
				pen === null
					? `M${x} ${row + QUIET_ZONE + 0.5}h${end - column}`
					: `m${x - pen} 0h${end - column}`;
			pen = end + QUIET_ZONE;
			column = end;
		}
	}
	const svg =
		`<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 ${side} ${side}' shape-rendering='crispEdges'>` +
		`<path fill='#ffffff' d='M0 0h${side}v${side}H0z'/><path stroke='#000000' d='${path}'/></svg>`;
	return `data:image/svg+xml,${svg.replace(/[<>#]/g, (character) => encodeURIComponent(character))}`;
}
