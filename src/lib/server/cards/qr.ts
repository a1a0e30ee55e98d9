import QRCode from 'qrcode';

/** A QR code of `text` as an SVG data URL, drawn by the qrcode library; fits `<img src>`. */
export async function qrDataUrl(text: string): Promise<string> {
	const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
	return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
