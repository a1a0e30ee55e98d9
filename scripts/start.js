// Starts the production server, building first when the build is missing or older than the
// sources, so that `npm ci && npm start` is all a fresh machine needs. Serves HTTPS itself when
// given a certificate and its key (TLS_CERT, TLS_KEY), plain HTTP otherwise.
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { networkInterfaces } from 'node:os';
import { createSecureContext } from 'node:tls';
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

/**
 * @param {string} message
 * @returns {never}
 */
function refuseToStart(message) {
	console.error(message);
	process.exit(1);
}

/**
 * The certificate and key from TLS_CERT and TLS_KEY (paths to PEM files), checked before
 * anything else starts; `null` when neither is set. Refuses to start, saying why, on half a
 * pair, a file it cannot read, or a key that does not belong to the certificate.
 */
function tlsFiles() {
	const { TLS_CERT: certPath, TLS_KEY: keyPath } = process.env;
	if (!certPath && !keyPath) return null;
	if (!certPath || !keyPath) {
		refuseToStart(
			`TLS_${certPath ? 'KEY' : 'CERT'} is not set: HTTPS needs both TLS_CERT (the certificate) and TLS_KEY (its private key), as paths to PEM files. Set both, or neither for plain HTTP.`
		);
	}
	if (process.env.ORIGIN || process.env.PROTOCOL_HEADER) {
		refuseToStart(
			'TLS_CERT and TLS_KEY serve HTTPS from this server; ORIGIN and PROTOCOL_HEADER are for a reverse proxy that holds the certificate. Set one or the other.'
		);
	}
	/** @param {string} name @param {string} path */
	const read = (name, path) => {
		try {
			return readFileSync(path);
		} catch (error) {
			return refuseToStart(
				`Cannot read ${name} (${path}): ${/** @type {Error} */ (error).message}`
			);
		}
	};
	const files = { cert: read('TLS_CERT', certPath), key: read('TLS_KEY', keyPath) };
	try {
		createSecureContext(files);
	} catch (error) {
		refuseToStart(
			`TLS_CERT and TLS_KEY cannot serve HTTPS (${/** @type {Error} */ (error).message}): they must be a PEM certificate and its own private key.`
		);
	}
	return files;
}

const tls = tlsFiles();
buildIfStale();

// Ballot and organiser forms are small; a low limit turns oversized posts away early.
process.env.BODY_SIZE_LIMIT ??= '64K';

if (process.env.ORIGIN || process.env.PROTOCOL_HEADER) {
	// Behind a reverse proxy: the adapter's own server, configured by the documented variables.
	await import(new URL('../build/index.js', import.meta.url).href);
} else {
	// Served directly (a laptop in the meeting room): every request has this server's protocol
	// and its origin is the address the browser used, localhost for the organiser, the LAN
	// address for phones. Without this the adapter would assume HTTPS and, over plain HTTP,
	// refuse every form; over HTTPS the app then marks its cookies Secure.
	process.env.PROTOCOL_HEADER = DIRECT_PROTOCOL_HEADER;
	const { handler } = await import(new URL('../build/handler.js', import.meta.url).href);
	const host = process.env.HOST ?? '0.0.0.0';
	const port = Number(process.env.PORT ?? 3000);
	const protocol = tls ? 'https' : 'http';
	/** @type {import('node:http').RequestListener} */
	const listener = (request, response) => {
		request.headers[DIRECT_PROTOCOL_HEADER] = protocol;
		handler(request, response, () => {
			response.statusCode = 404;
			response.end();
		});
	};
	const server = tls ? createHttpsServer(tls, listener) : createHttpServer(listener);
	// Cards printed from the laptop itself (http://localhost) must carry an address phones can
	// reach: the app reads it from PHONE_ORIGIN, which this chooses unless it is set already.
	const listensOnAll = host === '0.0.0.0' || host === '::';
	const loopback = /^(localhost|127\.|::1$)/.test(host);
	const phoneHost = listensOnAll ? lanAddresses()[0] : loopback ? undefined : host;
	process.env.PHONE_ORIGIN ??= phoneHost ? `${protocol}://${phoneHost}:${port}` : '';
	server.listen(port, host, async () => {
		console.log(`Phiếu Kín is listening on ${protocol}://localhost:${port}`);
		if (process.env.PHONE_ORIGIN) {
			console.log(`Phones on the same network use ${process.env.PHONE_ORIGIN}`);
			const qr = await QRCode.toString(process.env.PHONE_ORIGIN, { type: 'terminal', small: true });
			console.log(qr);
			if (process.env.PHONE_ORIGIN.startsWith('http:')) {
				console.log(
					'Plain HTTP: on a shared Wi-Fi, anyone who knows its password can read and change ballots on their way. Use the laptop’s own hotspot with client isolation, or set TLS_CERT and TLS_KEY to serve HTTPS (docs/deploy/README.md).'
				);
			}
		} else {
			console.log('Phones cannot reach this address: set HOST=0.0.0.0, or join the room’s Wi-Fi.');
		}
	});
	for (const signal of ['SIGINT', 'SIGTERM']) {
		process.on(signal, () => server.close(() => process.exit(0)));
	}
}
