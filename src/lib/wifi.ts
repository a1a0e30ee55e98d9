/**
 * The text of a Wi-Fi join QR code, in the `WIFI:` format phone cameras understand (ZXing's
 * convention, read by Android and iOS): `WIFI:T:WPA;S:<network>;P:<password>;;`. The characters
 * `\ ; , : "` are escaped with a backslash; an open network has `T:nopass` and no password.
 */
const escape = (text: string) => text.replace(/([\\;,:"])/g, '\\$1');

export function wifiJoinText(network: string, password: string): string {
	return password
		? `WIFI:T:WPA;S:${escape(network)};P:${escape(password)};;`
		: `WIFI:T:nopass;S:${escape(network)};;`;
}
