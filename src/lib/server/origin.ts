/**
 * The address printed in ballot-card QR codes: `ORIGIN` when the app is deployed behind a
 * proxy, otherwise the address the organiser's browser used.
 */
export function publicOrigin(requestOrigin: string): string {
	return process.env.ORIGIN?.replace(/\/+$/, '') || requestOrigin;
}
