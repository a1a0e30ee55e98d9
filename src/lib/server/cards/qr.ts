import QRCode from 'qrcode';

/**
 * White modules drawn around the symbol, inside the image: the four the QR standard asks for, so
 * that a printed card, a dashed cut line or a dark projector background never touches the code.
 */
export const QUIET_ZONE = 4;

/** A QR code of `text` as an SVG data URL, drawn by the qrcode library; fits `<img src>`. */
export async function qrDataUrl(text: string): Promise<string> {
	const svg = await QRCode.toString(text, {
		type: 'svg',
		errorCorrectionLevel: 'M',
		margin: QUIET_ZONE
	});
	return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
