/**
 * Work on a batch of cards done a few at a time, between turns of the event loop. The libraries
 * that draw random tokens, hash them and make QR codes are synchronous: a batch of 1,000 done in
 * one go would keep every phone and screen waiting for the whole of it; in turns of this size
 * nobody waits more than a few milliseconds for the organiser's sheet.
 */
export const CARDS_PER_TURN = 25;

/** Lets the requests that arrived meanwhile be read and answered (I/O, then timers). */
function nextTurn(): Promise<void> {
	return new Promise((resolve) => setImmediate(resolve));
}

/** `make(index)` for every index below `count`, in order, CARDS_PER_TURN per turn. */
export async function inTurns<T>(count: number, make: (index: number) => T): Promise<T[]> {
	const made: T[] = [];
	for (let index = 0; index < count; index++) {
		if (index > 0 && index % CARDS_PER_TURN === 0) await nextTurn();
		made.push(make(index));
	}
	return made;
}
