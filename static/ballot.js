// Progressive enhancement for the phone ballot. The ballot works without it; with it, choices
// survive the phone locking or the browser reloading the tab, a counter shows progress, and a
// second tap on "send" is ignored. Choices are kept in this tab's sessionStorage only, and
// erased once the ballot has been received.
(function () {
	'use strict';
	var PREFIX = 'phieukin-ballot:';

	function storage() {
		try {
			return window.sessionStorage;
		} catch (e) {
			return null;
		}
	}

	var store = storage();

	if (document.querySelector('[data-ballot-done]')) {
		if (!store) return;
		for (var i = store.length - 1; i >= 0; i--) {
			var name = store.key(i);
			if (name && name.indexOf(PREFIX) === 0) store.removeItem(name);
		}
		return;
	}

	var review = document.querySelector('form[data-review]');
	if (review) {
		review.addEventListener('submit', function (event) {
			if (review.getAttribute('data-sending')) {
				event.preventDefault();
				return;
			}
			review.setAttribute('data-sending', 'yes');
		});
	}

	var form = document.querySelector('form[data-ballot]');
	if (!form) return;
	var key = PREFIX + form.getAttribute('data-ballot');
	var radios = Array.prototype.slice.call(form.querySelectorAll('input[type="radio"]'));
	var rows = form.querySelectorAll('fieldset');
	var progress = form.querySelector('[data-progress]');

	function update() {
		if (!progress) return;
		var done = form.querySelectorAll('input[type="radio"]:checked:not([value="blank"])').length;
		progress.textContent = progress
			.getAttribute('data-template')
			.replace('{done}', String(done))
			.replace('{total}', String(rows.length));
	}

	var restored = radios.some(function (radio) {
		return radio.checked;
	});
	if (!restored && store) {
		try {
			var saved = JSON.parse(store.getItem(key) || '{}');
			radios.forEach(function (radio) {
				if (saved[radio.name] === radio.value) radio.checked = true;
			});
		} catch (e) {
			store.removeItem(key);
		}
	}

	form.addEventListener('change', function () {
		if (store) {
			var state = {};
			radios.forEach(function (radio) {
				if (radio.checked) state[radio.name] = radio.value;
			});
			try {
				store.setItem(key, JSON.stringify(state));
			} catch (e) {
				// Storage full or disabled: the ballot still works, it just is not kept.
			}
		}
		update();
	});
	update();
})();
