// Starts the production server, building first when the build is missing or older than the
// sources, so that `npm ci && npm start` is all a fresh machine needs.
import { createServer } from 'node:http';
import { networkInterfaces } from 'node:os';
import QRCode from 'qrcode';
import { buildIfStale } from './build-if-stale.js';

/** Set by this script on every request, overwriting anything a client sent. */
const DIRECT_PROTOCOL_HEADER = 'x-phieukin-direct-protocol';

/** Interfaces that are not the room's network: containers, virtual machines, tunnels. */
const VIRTUAL_INTERFACE = /^(docker|br-|veth|virbr|vbox|vmnet|tun|tap|wg|zt|tailscale)/;

/** The machine's IPv4 addresses phones could reach, the room's private networks first. */
function lanAddresses() {
	const addresses = Object.entries(networkInterfaces()).flatMap(([name, list]) =>
		VIRTUAL_INTERFACE.test(name)
			? []
			: (list ?? []).filter((address) => address.family === 'IPv4' && !address.internal)
	);
	/** @param {string} ip */
	const isPrivate = (ip) => /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(ip);
	return addresses
		.map((address) => address.address)
		.filter((ip) => !ip.startsWith('169.254.'))
		.sort((a, b) => Number(isPrivate(b)) - Number(isPrivate(a)));
}

buildIfStale();

// Ballot and organiser forms are small; a low limit turns oversized posts away early.
process.env.BODY_SIZE_LIMIT ??= '64K';

if (process.env.ORIGIN || process.env.PROTOCOL_HEADER) {
	// Behind a reverse proxy: the adapter's own server, configured by the documented variables.
	await import(new URL('../build/index.js', import.meta.url).href);
} else {
	// Served directly over plain HTTP (a laptop in the meeting room): every request is HTTP and
	// its origin is the address the browser used, localhost for the organiser, the LAN address
	// for phones. Without this the adapter would assume HTTPS and refuse every form.
	process.env.PROTOCOL_HEADER = DIRECT_PROTOCOL_HEADER;
	const { handler } = await import(new URL('../build/handler.js', import.meta.url).href);
	const host = process.env.HOST ?? '0.0.0.0';
	const port = Number(process.env.PORT ?? 3000);
	const server = createServer((request, response) => {
		request.headers[DIRECT_PROTOCOL_HEADER] = 'http';
		handler(request, response, () => {
			response.statusCode = 404;
			response.end();
		});
	});
	// Cards printed from the laptop itself (http://localhost) must carry an address phones can
	// reach: the app reads it from PHONE_ORIGIN, which this chooses unless it is set already.
	const listensOnAll = host === '0.0.0.0' || host === '::';
	const loopback = /^(localhost|127\.|::1$)/.test(host);
	const phoneHost = listensOnAll ? lanAddresses()[0] : loopback ? undefined : host;
	process.env.PHONE_ORIGIN ??= phoneHost ? `http://${phoneHost}:${port}` : '';
	server.listen(port, host, async () => {
		console.log(`Phiếu Kín is listening on http://localhost:${port}`);
		if (process.env.PHONE_ORIGIN) {
			console.log(`Phones on the same network use ${process.env.PHONE_ORIGIN}`);
			const qr = await QRCode.toString(process.env.PHONE_ORIGIN, { type: 'terminal', small: true });
			console.log(qr);
		} else {
			console.log('Phones cannot reach this address: set HOST=0.0.0.0, or join the room’s Wi-Fi.');
		}
	});
	for (const signal of ['SIGINT', 'SIGTERM']) {
		process.on(signal, () => server.close(() => process.exit(0)));
	}
}
