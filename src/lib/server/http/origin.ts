/**
 * The address printed in ballot-card QR codes and on the projector: `ORIGIN` when the app is
 * deployed behind a proxy; on the meeting-room laptop, the address phones can reach
 * (`PHONE_ORIGIN`, chosen by `npm start`) when the organiser browses on the laptop itself;
 * otherwise the address the organiser's browser used.
 */
export function publicOrigin(requestOrigin: string, env = process.env): string {
	if (env.ORIGIN) return env.ORIGIN.replace(/\/+$/, '');
	const loopback = /^https?:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(requestOrigin);
	if (loopback && env.PHONE_ORIGIN) return env.PHONE_ORIGIN.replace(/\/+$/, '');
	return requestOrigin;
}
