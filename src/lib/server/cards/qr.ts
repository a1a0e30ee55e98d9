import QRCode from 'qrcode';
import { packModules, qrImage, type QrModules } from '$lib/qr-image';

/**
 * The modules of a QR code of `text` (error correction M), made by the qrcode library.
 * The text goes in as one byte segment: the library's search for the shortest mix of segments
 * took half the time of a card's QR code, and a card's address (its token is mixed-case) is
 * bytes for the most part anyway; the symbol stays the same size (version 4 for a LAN address).
 */
export function qrModules(text: string): QrModules {
	const data = new TextEncoder().encode(text);
	const { modules } = QRCode.create([{ data, mode: 'byte' }], { errorCorrectionLevel: 'M' });
	return packModules(modules.size, modules.data);
}

/** A QR code of `text` as an SVG data URL; fits `<img src>`. */
export function qrDataUrl(text: string): string {
	return qrImage(qrModules(text));
}
