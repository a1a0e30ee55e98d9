// Starts the production server, building first when the build is missing or older than the
// sources, so that `npm ci && npm start` is all a fresh machine needs.
import { createServer } from 'node:http';
import { networkInterfaces } from 'node:os';
import { buildIfStale } from './build-if-stale.js';

/** Set by this script on every request, overwriting anything a client sent. */
const DIRECT_PROTOCOL_HEADER = 'x-phieukin-direct-protocol';

function lanAddresses() {
	return Object.values(networkInterfaces())
		.flat()
		.flatMap((address) =>
			address && address.family === 'IPv4' && !address.internal ? [address.address] : []
		);
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
	server.listen(port, host, () => {
		console.log(`Phiếu Kín is listening on http://localhost:${port}`);
		for (const address of lanAddresses()) {
			console.log(`Phones on the same network use http://${address}:${port}`);
		}
	});
	for (const signal of ['SIGINT', 'SIGTERM']) {
		process.on(signal, () => server.close(() => process.exit(0)));
	}
}
